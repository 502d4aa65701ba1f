// The client address rate limits count: what the trusted proxies appended to X-Forwarded-For, never what a client
// wrote there itself; IPv6 clients as their /64.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { clientAddressResolver, rateLimitAddress } from '../src/http/client-address.js';

function request(peer: string, forwardedFor?: string): IncomingMessage {
  const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return { headers, socket: { remoteAddress: peer } } as unknown as IncomingMessage;
}

describe('client address', () => {
  it('without trusted proxies, the peer is the client and X-Forwarded-For is ignored', () => {
    const resolve = clientAddressResolver(false);
    assert.equal(resolve(request('198.51.100.4', '203.0.113.9')), '198.51.100.4');
  });

  it('true trusts the one proxy in front: the entry it appended, not the ones a client wrote before it', () => {
    const resolve = clientAddressResolver(true);
    assert.equal(resolve(request('127.0.0.1', '203.0.113.9')), '203.0.113.9');
    assert.equal(resolve(request('127.0.0.1', '10.9.9.9, 1.2.3.4, 203.0.113.9')), '203.0.113.9');
    assert.equal(resolve(request('127.0.0.1')), '127.0.0.1', 'no header: the peer');
  });

  it('a hop count trusts that many proxies from us', () => {
    const resolve = clientAddressResolver(2);
    assert.equal(resolve(request('10.0.0.2', 'forged, 203.0.113.9, 10.0.0.1')), '203.0.113.9');
  });

  it('a list trusts proxies by address, range or name, and stops at the first untrusted hop', () => {
    const resolve = clientAddressResolver(['loopback', '10.0.0.0/8']);
    assert.equal(resolve(request('127.0.0.1', 'forged, 203.0.113.9, 10.1.2.3')), '203.0.113.9');
    assert.equal(
      resolve(request('198.51.100.4', '203.0.113.9')),
      '198.51.100.4',
      'a peer outside the list is the client',
    );
    assert.throws(() => clientAddressResolver(['10.0.0.0/33']));
  });

  it('counts an IPv6 client as its /64 and an IPv4-mapped address as IPv4', () => {
    assert.equal(rateLimitAddress('2001:db8:1:2::1'), '2001:db8:1:2::/64');
    assert.equal(rateLimitAddress('2001:db8:1:2:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.notEqual(rateLimitAddress('2001:db8:1:3::1'), rateLimitAddress('2001:db8:1:2::1'));
    assert.equal(rateLimitAddress('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(rateLimitAddress('192.0.2.1'), '192.0.2.1');
    assert.equal(clientAddressResolver(false)(request('2001:db8::5')), '2001:db8::/64');
  });
});
