// Reading request bodies with a size limit, and parsing query strings into plain objects.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './types.js';

/** Reads the whole body as UTF-8, failing with 413 as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => failed || resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', (error) => failed || reject(error));
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'payload_too_large', `The request body is larger than ${limit} bytes.`);
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export function parseJson(text: string): unknown {
  if (text.trim() === '')
    throw new HttpError(400, 'validation_failed', 'The request body is empty; send a JSON object.', {
      fields: [{ path: 'body', message: 'Required.' }],
    });
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'validation_failed', 'The request body is not valid JSON.', {
      fields: [{ path: 'body', message: 'Not valid JSON.' }],
    });
  }
}
