// Response builders shared by every mock route: the ErrorBody shape and the headers every answer carries.
import { HttpResponse } from 'msw';
import type { ErrorBody, ErrorCode, FieldError } from '@referral-kit/sdk';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function errorReply(
  status: number,
  code: ErrorCode,
  message: string,
  fields: FieldError[] = [],
  headers?: Record<string, string>,
): Reply {
  const error: Omit<ErrorBody['error'], 'requestId'> = { code, message, fields };
  return { status, body: { error }, headers };
}

/** Turn a reply into a Response, adding the request id (also inside an ErrorBody) and caching headers. */
export function toResponse(reply: Reply, common: Record<string, string>, requestId: string): Response {
  const headers = { ...common, ...reply.headers };
  if (reply.body === undefined) return new HttpResponse(null, { status: reply.status, headers });
  const body = isErrorBody(reply.body) ? { error: { ...reply.body.error, requestId } } : reply.body;
  return HttpResponse.json(body as Record<string, unknown>, { status: reply.status, headers });
}

function isErrorBody(body: unknown): body is { error: Omit<ErrorBody['error'], 'requestId'> } {
  return typeof body === 'object' && body !== null && 'error' in body;
}
