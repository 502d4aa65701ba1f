// The request pipeline: request id, CORS, security headers, routing from the SDK route table, strict validation
// of everything that comes in and goes out, one error shape, and a log line per request without personal data.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/v4/mini';
import {
  checkRouteInput,
  etagMatches,
  queryObject,
  type ErrorBody,
  type RouteDef,
  type RouteName,
} from '@referral-kit/sdk';
import type { Logger } from '../logger.js';
import {
  HttpError,
  type ExtraRoute,
  type HandlerResult,
  type RequestContext,
  type RouteContext,
  type RouteHandler,
  type RouteHandlers,
} from './types.js';
import { Router, type Matched } from './router.js';
import { mediaType, parseJson, readBody } from './body.js';
import { JsonText } from './json-text.js';
import { applyCors, setSecurityHeaders } from './security.js';
import { clientAddressResolver, type TrustProxy } from './client-address.js';

export interface PipelineOptions {
  handlers: RouteHandlers;
  extraRoutes?: readonly ExtraRoute[];
  corsOrigins: readonly string[];
  bodyLimitBytes: number;
  trustProxy: TrustProxy;
  /** Send HSTS (the public URL is https). */
  https: boolean;
  logger: Logger;
  /** Paths answered by the API pipeline; everything else goes to `pages`. */
  isApiPath: (pathname: string) => boolean;
  /** Static files and other pages. Must answer, or throw HttpError. */
  pages: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
  /** While true, every answer carries `Connection: close` so keep-alive clients let go. */
  closing: () => boolean;
  /** Told of every answered request (metrics): the route's name, never its path. */
  onFinished?: (route: string, method: string, status: number, seconds: number) => void;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function createPipeline(options: PipelineOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const router = new Router(options.extraRoutes);
  const corsOrigins = new Set(options.corsOrigins);
  const clientAddress = clientAddressResolver(options.trustProxy);
  const { logger } = options;

  return async function handle(req, res) {
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const method = req.method ?? 'GET';
    let route = 'unmatched';
    res.setHeader('x-request-id', requestId);
    // Decided when the answer starts, not when the request arrived: a request in flight when shutdown begins
    // must tell its keep-alive client to let go. Every way of answering (end() included) goes through writeHead.
    const writeHead = res.writeHead.bind(res);
    res.writeHead = function (...args: Parameters<ServerResponse['writeHead']>) {
      if (options.closing() && !res.headersSent) res.setHeader('connection', 'close');
      return writeHead(...args);
    } as ServerResponse['writeHead'];
    // Allow-listed fields only: never the URL (query strings carry names), IPs, user agents or bodies.
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId, method, route, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
      options.onFinished?.(route, method, res.statusCode, ms / 1000);
    });

    try {
      setSecurityHeaders(res, 'api', options.https);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://server.invalid');
      } catch {
        throw new HttpError(400, 'validation_failed', 'The request URL is malformed.');
      }
      const preflightMethod = header(req, 'access-control-request-method');
      if (applyCors(res, header(req, 'origin'), method, corsOrigins, preflightMethod)) {
        route = 'preflight';
        return;
      }
      if (!options.isApiPath(url.pathname)) {
        route = 'page';
        setSecurityHeaders(res, 'page', options.https);
        await options.pages(req, res, url);
        return;
      }
      const match = router.match(method, url.pathname);
      if (match.kind === 'not-found') throw new HttpError(404, 'not_found', 'There is no such endpoint.');
      if (match.kind === 'method-not-allowed') {
        throw new HttpError(405, 'method_not_allowed', `Use ${match.allow.join(' or ')} for this endpoint.`, {
          headers: { allow: match.allow.join(', ') },
        });
      }
      route = match.kind === 'contract' ? match.name : `${match.route.method} ${match.route.path}`;
      const ctx = await buildContext(req, url, match, requestId);
      if (match.kind === 'contract') await answerContract(req, res, match.name, match.def, ctx);
      else await answerExtra(res, match.route, ctx);
    } catch (error) {
      sendError(res, requestId, error);
    }
  };

  async function buildContext(
    req: IncomingMessage,
    url: URL,
    match: Matched,
    requestId: string,
  ): Promise<RequestContext> {
    const ctx: RequestContext = {
      params: match.params,
      query: queryObject(url.searchParams),
      body: undefined,
      headers: lowerCaseHeaders(req),
      ip: clientAddress(req),
      requestId,
      url: req.url,
    };
    if (match.kind === 'contract') {
      const def = match.def;
      if (def.body) requireMediaType(req, ['application/json']);
      const body = def.body ? parseJson(await readBody(req, options.bodyLimitBytes)) : undefined;
      const checked = checkRouteInput(def, { params: match.params, query: ctx.query, body });
      if (!checked.ok)
        throw new HttpError(400, 'validation_failed', 'Some fields are not valid.', { fields: checked.fields });
      return { ...ctx, ...checked.value };
    }
    if (req.method === 'POST') {
      const route = match.route;
      const accepted = route.form ? ['application/x-www-form-urlencoded', 'application/json'] : ['application/json'];
      if (!route.rawBody) requireMediaType(req, accepted);
      const text = await readBody(req, options.bodyLimitBytes);
      if (route.rawBody) ctx.rawBody = text;
      const type = mediaType(req.headers['content-type']);
      if (type === 'application/x-www-form-urlencoded') ctx.body = queryObject(new URLSearchParams(text));
      else if (type === 'application/json') ctx.body = parseJson(text);
    }
    return ctx;
  }

  async function answerContract(
    req: IncomingMessage,
    res: ServerResponse,
    name: RouteName,
    def: RouteDef,
    ctx: RequestContext,
  ): Promise<void> {
    res.setHeader('cache-control', def.noStore ? 'no-store' : def.etag ? 'no-cache' : 'public, max-age=60');
    const handler = options.handlers[name];
    if (!handler) throw new HttpError(503, 'unavailable', 'This part of the API is not enabled on this server.');
    // The context was built from this route's schemas (buildContext), so it is this route's typed context.
    const result = await (handler as RouteHandler<RouteName>)(ctx as RouteContext<RouteName>);
    applyHeaders(res, result.headers);
    const etag = result.headers?.etag;
    if (def.etag && typeof etag === 'string' && etagMatches(header(req, 'if-none-match'), etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    if (result.body instanceof JsonText) {
      sendJson(res, result.status, result.body.bytes);
      return;
    }
    const checked =
      result.status >= 200 && result.status < 300
        ? z.safeParse(def.response, result.body)
        : { success: true as const, data: result.body };
    if (!checked.success) {
      // A server bug, never a broken answer: log which fields (not their values) broke the contract.
      logger.error(
        { requestId: ctx.requestId, route: name, fields: checked.error.issues.map((i) => i.path.join('.')) },
        'response broke the contract',
      );
      throw new Error('response validation failed');
    }
    sendJson(res, result.status, Buffer.from(JSON.stringify(checked.data)));
  }

  async function answerExtra(res: ServerResponse, route: ExtraRoute, ctx: RequestContext): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    const result = await route.handler(ctx);
    applyHeaders(res, result.headers);
    if (result.contentType) {
      if (result.contentType.startsWith('text/html')) setSecurityHeaders(res, 'page', options.https);
      res.statusCode = result.status;
      res.setHeader('content-type', result.contentType);
      res.end(typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
      return;
    }
    sendJson(
      res,
      result.status,
      result.body instanceof JsonText ? result.body.bytes : Buffer.from(JSON.stringify(result.body)),
    );
  }

  function sendError(res: ServerResponse, requestId: string, error: unknown): void {
    if (res.headersSent) {
      logger.error({ requestId, err: error }, 'failed after the answer started');
      res.destroy();
      return;
    }
    let status = 500;
    let body: ErrorBody['error'];
    if (error instanceof HttpError) {
      status = error.status;
      body = { code: error.code, message: error.message, fields: [...error.fields], requestId };
      applyHeaders(res, error.headers);
      // Stop reading a body we refused; the client must not keep streaming into a kept-alive socket.
      if (status === 413) res.setHeader('connection', 'close');
    } else {
      logger.error({ requestId, err: error }, 'unhandled error');
      body = {
        code: 'internal',
        message: 'Something went wrong on our side. Please try again.',
        fields: [],
        requestId,
      };
    }
    res.setHeader('cache-control', 'no-store');
    res.removeHeader('etag');
    sendJson(res, status, Buffer.from(JSON.stringify({ error: body })));
  }
}

function requireMediaType(req: IncomingMessage, accepted: string[]): void {
  const type = mediaType(req.headers['content-type']);
  if (!accepted.includes(type)) {
    throw new HttpError(415, 'unsupported_media_type', `Send the body as ${accepted.join(' or ')}.`);
  }
}

function sendJson(res: ServerResponse, status: number, bytes: Buffer): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', bytes.length);
  res.end(bytes);
}

function applyHeaders(res: ServerResponse, headers: HandlerResult['headers']): void {
  for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}
