// Who is asking, for per-client rate limits. Behind reverse proxies the address is the one the trusted proxies
// appended to X-Forwarded-For (proxy-addr, as Express and Fastify use it): entries a client wrote itself sit to the
// left of those and are never believed, so a forged header cannot buy a fresh rate-limit budget.
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';

/**
 * Which peers may tell us the client address:
 * - `false`: none; the socket's peer is the client.
 * - `true`: the one proxy directly in front of us (same as `1`).
 * - a number: that many proxy hops, counted from us.
 * - a list: addresses, CIDR ranges or proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustProxy = boolean | number | readonly string[];

export type ClientAddressOf = (req: IncomingMessage) => string;

/** Throws on an address or range proxy-addr cannot read (config checks call this at start). */
export function clientAddressResolver(trust: TrustProxy): ClientAddressOf {
  if (trust === false || trust === 0) return (req) => rateLimitAddress(req.socket.remoteAddress ?? 'unknown');
  const trusted = typeof trust === 'object' ? proxyAddr.compile([...trust]) : hops(trust === true ? 1 : trust);
  return (req) => rateLimitAddress(proxyAddr(req, trusted));
}

function hops(count: number): (addr: string, hop: number) => boolean {
  return (_addr, hop) => hop < count;
}

/**
 * The unit one rate-limit budget belongs to: an IPv4 address, or an IPv6 /64 (one subscriber's network: a single
 * host can pick any of its 2^64 addresses). IPv4-mapped IPv6 (`::ffff:192.0.2.1`) counts as the IPv4 address.
 */
export function rateLimitAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const bytes = parsed.toByteArray().slice(0, 8).concat([0, 0, 0, 0, 0, 0, 0, 0]);
  return `${ipaddr.fromByteArray(bytes).toString()}/64`;
}
