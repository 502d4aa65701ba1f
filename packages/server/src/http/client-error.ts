// Requests Node's HTTP parser refuses (a URL or headers over its limit, a malformed request line, a request that
// never finished arriving) never reach the pipeline. They get the API's one error shape here, and the connection is
// closed without a reset: the client may still be sending, so its bytes are read and dropped until it hangs up.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody, ErrorCode } from '@referral-kit/sdk';
import { securityHeaders } from './security.js';

/** How long a refused client may keep sending before the socket is destroyed. */
const LINGER_MS = 5_000;

type ParserError = Error & { code?: string; rawPacket?: Buffer };

export function answerClientError(error: ParserError, socket: Duplex, https: boolean): void {
  const refusal = classify(error);
  if (!refusal || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] = refusal;
  const requestId = randomUUID();
  const body: ErrorBody = { error: { code, message, fields: [], requestId } };
  const bytes = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string | number> = {
    ...securityHeaders('api', https),
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
    'cache-control': 'no-store',
    'x-request-id': requestId,
    connection: 'close',
  };
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), bytes]));
  lingerThenClose(socket);
}

function classify(error: ParserError): [number, ErrorCode, string] | undefined {
  switch (error.code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined; // the client is gone: nobody to answer
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request_timeout', 'The request took too long to arrive.'];
    case 'HPE_HEADER_OVERFLOW':
      return requestLineComplete(error.rawPacket)
        ? [431, 'headers_too_large', 'The request headers are too large.']
        : [414, 'uri_too_long', 'The request URL is too long.'];
    default:
      return [400, 'bad_request', 'The request could not be read.'];
  }
}

/** Whether the parser saw the end of the request line: if not, it was the URL that overflowed the limit. */
function requestLineComplete(raw: Buffer | undefined): boolean {
  return raw !== undefined && raw.indexOf('\r\n') !== -1 && raw.indexOf('\r\n') < 8 * 1024;
}

function lingerThenClose(socket: Duplex): void {
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.on('error', () => socket.destroy());
  socket.on('data', () => {});
  socket.resume();
}
