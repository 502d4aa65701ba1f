// Test doubles for telephony: a local fake of Twilio's REST API (127.0.0.1) that the official client is pointed
// at, requests signed exactly as Twilio signs its webhooks, custody records to look up, and TwiML reading helpers.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustodyRecord } from '@referral-kit/sdk';
import { insertCustodyRecords } from '../src/db/custody-store.js';
import type { Db } from '../src/db/types.js';
import { parseXml, type XmlElement } from './twiml-checker.js';

export const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TWILIO_TOKEN = 'twilio-test-auth-token-0123456789';
export const TWILIO_FROM = '+12025550100';
export const PUBLIC_URL = 'https://alerts.example.test';

export interface FakeTwilioRequest {
  path: string;
  params: Record<string, string>;
  authorization: string | undefined;
}

/** Twilio's REST API for Messages.json and Calls.json: records each request, answers 201 like Twilio. */
export async function startFakeTwilio(): Promise<{
  url: string;
  requests: FakeTwilioRequest[];
  failNext: number | null;
  close(): Promise<void>;
}> {
  const requests: FakeTwilioRequest[] = [];
  const state = { failNext: null as number | null };
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push({
        path,
        params: Object.fromEntries(new URLSearchParams(body)),
        authorization: req.headers.authorization,
      });
      if (state.failNext !== null) {
        const status = state.failNext;
        state.failNext = null;
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: 21211, message: 'Invalid To number', status }));
        return;
      }
      const kind = path.endsWith('/Calls.json') ? 'CA' : 'SM';
      const sid = `${kind}${String(++counter).padStart(32, '0')}`;
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ sid, account_sid: TWILIO_SID, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    get failNext() {
      return state.failNext;
    },
    set failNext(value) {
      state.failNext = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Twilio's webhook signature, written from its documentation rather than taken from the library under test:
 * base64 HMAC-SHA1 under the auth token of the full URL followed by every POST parameter name and value, sorted by name.
 */
export function twilioSignature(token: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key]!, url);
  return createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64');
}

/** POSTs form parameters to `target` (an absolute public URL or a path) on the server at `serverUrl`, signed like Twilio. */
export function twilioPost(
  serverUrl: string,
  target: string,
  params: Record<string, string>,
  token = TWILIO_TOKEN,
): Promise<Response> {
  const publicTarget = target.startsWith('https://') ? target : `${PUBLIC_URL}${target}`;
  const pathAndQuery = publicTarget.slice(PUBLIC_URL.length);
  return fetch(serverUrl + pathAndQuery, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(token, publicTarget, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

/** Every element in document order. */
export function elements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(elements)];
}

/** What a TwiML document says, in order, with each Say's language. */
export function spoken(xml: string): { language: string; text: string }[] {
  return elements(parseXml(xml))
    .filter((e) => e.name === 'Say')
    .map((e) => ({ language: e.attributes.language ?? '', text: e.text }));
}

/** The action URL of the document's Gather. */
export function gatherAction(xml: string): string {
  const gather = elements(parseXml(xml)).find((e) => e.name === 'Gather');
  if (!gather?.attributes.action) throw new Error(`no Gather in ${xml}`);
  return gather.attributes.action;
}

export const A_NUMBER = 'A123456789';
export const CONFIDENTIAL_A_NUMBER = 'A987654321';

/** One public record (A-number A123456789, booking 260004512) and one confidential record, dated from `now`. */
export async function seedCustody(db: Db, now: Date): Promise<CustodyRecord> {
  const hoursBefore = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
  const record: CustodyRecord = {
    id: 'cus-000001',
    displayName: 'José Ángel Martínez Ruiz',
    birthYear: 1986,
    identifiers: [
      { type: 'a-number', value: A_NUMBER },
      { type: 'booking', value: '260004512' },
    ],
    status: 'in-custody',
    facility: { name: 'El Paso Processing Center', city: 'El Paso', state: 'TX', phone: '(915) 555-0151' },
    statusChangedAt: hoursBefore(30),
    sourceUpdatedAt: hoursBefore(2),
  };
  const hidden: CustodyRecord = {
    ...record,
    id: 'cus-000002',
    displayName: 'Protected Person',
    identifiers: [{ type: 'a-number', value: CONFIDENTIAL_A_NUMBER }],
  };
  await db.transaction((tx) =>
    insertCustodyRecords(
      tx,
      [
        { record, sourceKey: `a-number:${A_NUMBER}`, confidential: false },
        { record: hidden, sourceKey: `a-number:${CONFIDENTIAL_A_NUMBER}`, confidential: true },
      ],
      now.toISOString(),
    ),
  );
  return record;
}
