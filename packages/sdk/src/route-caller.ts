// Calling one route of the contract: validates what goes out and what comes back, retries what is safe to retry,
// never hangs. `createClient` (client.ts) is this plus the route table; this module does not import the table, so a
// page that calls one route carries only the schemas of that route's area.
import * as z from 'zod/v4/mini';
import { FieldError } from './contract/common.js';
import { buildPath, type RouteDef } from './contract/route.js';
import { checkPart, toFieldErrors } from './contract/route-input.js';
import { ApiError, ContractError, NetworkError, TimeoutError, ValidationError } from './errors.js';

export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.example.org`. Paths such as `/v1/custody` are appended. */
  baseUrl: string;
  /** Sent as `X-Referral-Partner` so an agency can tell partners apart (never visitor data). */
  partnerId?: string;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /** Deadline for a whole call, retries included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Extra attempts after the first for retryable failures. Default 2 (3 attempts in all); 0 disables retries. */
  retries?: number;
  /** Backoff base and cap in ms. Defaults 250 and 4 000. */
  backoff?: { baseMs?: number; capMs?: number };
  /** Source of randomness for jitter, in [0, 1). For tests. */
  random?: () => number;
  /** The clock for the deadline and `Retry-After` dates. Default: the system clock. For tests. */
  now?: () => Date;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's deadline for this call. */
  timeoutMs?: number;
}

export interface IdempotentCallOptions extends CallOptions {
  /** Makes a retried POST safe. Generated when absent. */
  idempotencyKey?: string;
}

export type RouteOutput<R extends RouteDef> = z.output<R['response']>;
type Output<R extends RouteDef> = RouteOutput<R>;

export interface RequestInput {
  params?: Record<string, string>;
  query?: unknown;
  body?: unknown;
}

const RETRY_AFTER_MAX_MS = 60_000;

/**
 * The transport under `createClient`, for one route at a time: `call(alertRoutes.subscribe, { body })`. A page that
 * needs one or two routes (the isolated-capture frame) imports just their area's table and so ships only those
 * schemas, not the whole contract.
 */
export function createRouteCaller(options: ClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw new TypeError('baseUrl must be an absolute http(s) URL');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const defaultTimeout = options.timeoutMs ?? 10_000;
  const retries = Math.max(0, options.retries ?? 2);
  const baseMs = options.backoff?.baseMs ?? 250;
  const capMs = options.backoff?.capMs ?? 4_000;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());

  /** Full jitter: a uniformly random wait between 0 and the capped exponential step. */
  const backoffDelay = (attempt: number) => random() * Math.min(capMs, baseMs * 2 ** attempt);

  async function send(
    route: RouteDef,
    input: RequestInput,
    call: CallOptions & { idempotencyKey?: string; headers?: Record<string, string> } = {},
  ): Promise<Sent> {
    const url = new URL(baseUrl + buildPath(route.path, validate(route.params, input.params ?? {}, 'params')));
    if (route.query) appendQuery(url, validate(route.query, input.query ?? {}, 'query'));
    const body = route.body ? JSON.stringify(validate(route.body, input.body, 'body')) : undefined;

    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.partnerId) headers['x-referral-partner'] = options.partnerId;
    if (route.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey ?? randomKey();
    const retryable = route.method === 'GET' || headers['idempotency-key'] !== undefined;

    const timeoutMs = call.timeoutMs ?? defaultTimeout;
    const startedAt = +now();
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline]) : deadline;
    const fail = (cause?: unknown): never => {
      if (call.signal?.aborted) throw call.signal.reason;
      if (deadline.aborted) throw new TimeoutError(timeoutMs);
      throw new NetworkError(`Could not reach ${url.origin}`, { cause });
    };
    // A wait that would outlast the deadline fails now with the real error, not with a TimeoutError later.
    const outlastsDeadline = (wait: number) => wait >= timeoutMs - (+now() - startedAt);

    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: route.method,
          headers,
          body,
          signal,
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        });
      } catch (error) {
        if (signal.aborted || !retryable || attempt >= retries) fail(error);
        const wait = backoffDelay(attempt);
        if (outlastsDeadline(wait)) fail(error);
        await sleep(wait, signal).catch(fail);
        continue;
      }
      if (response.ok || response.status === 304) return { response, signal, fail };
      const error = await toApiError(response, now());
      const transient = response.status === 429 || response.status >= 500;
      if (!transient || !retryable || attempt >= retries) throw error;
      const wait = Math.max(backoffDelay(attempt), error.retryAfterMs ?? 0);
      if (wait > RETRY_AFTER_MAX_MS || outlastsDeadline(wait)) throw error;
      await sleep(wait, signal).catch(fail);
    }
  }

  async function call<R extends RouteDef>(
    route: R,
    input: RequestInput,
    opts?: IdempotentCallOptions,
  ): Promise<Output<R>> {
    return parseResponse(route, await send(route, input, opts)) as Promise<Output<R>>;
  }

  return { call, send };
}

/** zod issues as `{ path: 'a.b.0', message }`. */
function validate<T>(schema: z.ZodMiniType | undefined, value: T, where: string): T & Record<string, string> {
  if (!schema) return value as T & Record<string, string>;
  const checked = checkPart(schema, value, where);
  if (!checked.ok) throw new ValidationError(checked.fields);
  return checked.value as T & Record<string, string>;
}

function appendQuery(url: URL, query: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
}

/** A successful answer, with what is needed to report a deadline or abort hit while its body is still arriving. */
export interface Sent {
  response: Response;
  signal: AbortSignal;
  fail: (cause?: unknown) => never;
}

/** `name` is what a ContractError calls the route: the client's route name, else its method and path. */
export async function parseResponse(
  route: RouteDef,
  { response, signal, fail }: Sent,
  name = `${route.method} ${route.path}`,
): Promise<unknown> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    if (signal.aborted) fail(error);
    throw new ContractError(name, [{ path: '', message: 'The answer is not valid JSON.' }]);
  }
  const result = z.safeParse(route.response, json);
  if (!result.success) throw new ContractError(name, toFieldErrors(result.error));
  return result.data;
}

/**
 * How the client reads an error answer: looser than the contract's ErrorBody on purpose, so a server newer (a code
 * this build does not know) or older (no `fields`) still yields its message, code and request id.
 */
const ErrorAnswer = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.array(FieldError)),
    requestId: z.optional(z.string()),
  }),
});

async function toApiError(response: Response, now: Date): Promise<ApiError> {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), +now);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = z.safeParse(ErrorAnswer, body);
  const error = parsed.success ? parsed.data.error : undefined;
  return new ApiError({
    status: response.status,
    code: error?.code ?? `http_${response.status}`,
    message: error?.message ?? `The server answered ${response.status}.`,
    fields: error?.fields,
    requestId: error?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    retryAfterMs,
  });
}

/** `Retry-After` as milliseconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone would also read "-5" or "1.5" as dates.
  if (!/^[A-Za-z]{3}/.test(value.trim())) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function randomKey(): string {
  return globalThis.crypto.randomUUID();
}
