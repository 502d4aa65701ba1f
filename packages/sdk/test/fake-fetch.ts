// Test doubles for what msw cannot observe: every request a client makes, and every wait it schedules.

export interface RecordedCall {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  init: RequestInit;
}

/** What the fake answers: a Response, an Error to throw, or a function of the request (may hang until aborted). */
export type Step = Response | Error | ((call: RecordedCall, signal: AbortSignal) => Response | Promise<Response>);

/** A fetch that plays `steps` in order (the last one repeats) and records each call. */
export function fakeFetch(...steps: Step[]) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const signal = init.signal ?? new AbortController().signal;
    if (signal.aborted) throw signal.reason;
    const call: RecordedCall = {
      url: new URL(input instanceof Request ? input.url : input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body as string | undefined,
      init,
    };
    calls.push(call);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? step(call, signal) : step.clone();
  };
  return { fetch, calls };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const errorJson = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: `failed with ${code}` } }, headers);

/** Like a network failure from fetch. */
export const networkError = () => new TypeError('fetch failed');

/** A fetch step that never answers; rejects with the abort reason once the request's signal fires. */
export const hang = (_call: RecordedCall, signal: AbortSignal) =>
  new Promise<Response>((_, reject) => {
    const keepAlive = setInterval(() => {}, 60_000);
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(keepAlive);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * Run `fn` with `setTimeout` recording each requested delay and firing at once, so backoff and Retry-After waits can be
 * checked exactly without waiting for them.
 */
export async function recordingDelays<T>(
  fn: () => Promise<T>,
): Promise<{ delays: number[]; outcome: PromiseSettledResult<T> }> {
  const delays: number[] = [];
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: () => void, ms?: number) => {
    delays.push(ms ?? 0);
    return realSetTimeout(handler, 0);
  }) as typeof setTimeout;
  try {
    const [outcome] = await Promise.allSettled([fn()]);
    return { delays, outcome: outcome };
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
}
