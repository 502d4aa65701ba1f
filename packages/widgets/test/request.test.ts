// The request lifecycle the elements share: newest wins, busy while it runs, aborts end quietly, failures are
// reported and shown with a retry, errors about fields are left to the form.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ReferralClient } from '@referral-kit/sdk';
import type { ReferralErrorKind } from '../src/events.js';
import en from '../src/i18n/en.js';
import { RequestController } from '../src/internal/request.js';

function fakeHost() {
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost = {
    addController: (c) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  return { host, controllers };
}

const client = {} as ReferralClient;

function controller(api: ReferralClient | undefined, fieldErrors?: (error: unknown) => boolean) {
  const reported: Array<[unknown, ReferralErrorKind | undefined]> = [];
  const { host, controllers } = fakeHost();
  const request = new RequestController(
    host,
    () => api,
    (error, kind) => {
      reported.push([error, kind]);
      return kind ?? 'server';
    },
    fieldErrors,
  );
  return { request, reported, controllers };
}

/** A request that waits until it is told how to end, and rejects like fetch when aborted. */
function pending<T>() {
  let settle!: { resolve(value: T): void; reject(error: unknown): void };
  const work = (_client: ReferralClient, signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      settle = { resolve, reject };
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { work, settle: () => settle };
}

/** What the failure panel says, and its retry button's handler; undefined when there is no panel. */
function panelOf(request: RequestController) {
  const panel = request.panel(en, []);
  if (panel === nothing) return undefined;
  const [message, retryButton] = panel.values;
  return { message, retry: retryButton === nothing ? undefined : (retryButton as TemplateResult).values[0] };
}

const noRetry = () => undefined;

describe('RequestController', () => {
  it('a newer request aborts the one before, which ends quietly; busy until the newest ends', async () => {
    const { request, controllers, reported } = controller(client);
    assert.deepEqual(controllers, [request]);
    const first = pending<string>();
    const second = pending<string>();
    const firstDone = request.run(first.work, noRetry);
    assert.equal(request.busy, true);
    const secondDone = request.run(second.work, noRetry);
    assert.equal(await firstDone, undefined);
    assert.equal(request.busy, true, 'still busy with the newer request');
    second.settle().resolve('answer');
    assert.equal(await secondDone, 'answer');
    assert.equal(request.busy, false);
    assert.deepEqual(reported, [], 'an abort is never reported');
    assert.equal(request.failed, false);
  });

  it('without an API says so as a configuration failure and sends nothing', async () => {
    const { request, reported } = controller(undefined);
    let sent = false;
    assert.equal(await request.run(async () => (sent = true), noRetry), undefined);
    assert.deepEqual(reported, [[undefined, 'config']]);
    assert.deepEqual(panelOf(request), { message: en.errors.config, retry: undefined });
    assert.equal(sent, false);
  });

  it('reports a failure and offers its retry; a success, abort() or removal forgets both', async () => {
    const { request, reported } = controller(client);
    const retry = () => undefined;
    const error = new Error('down');
    assert.equal(await request.run(() => Promise.reject<string>(error), retry), undefined);
    assert.deepEqual(reported, [[error, undefined]]);
    assert.equal(request.failed, true);
    assert.deepEqual(panelOf(request), { message: en.errors.server, retry });
    assert.equal(await request.run(async (c) => c, retry), client);
    assert.equal(panelOf(request), undefined);
    await request.run(() => Promise.reject(error), retry);
    request.abort();
    assert.equal(panelOf(request), undefined, 'the retry holds the submitted form, and so the contact');
    const removed = request.run(pending<string>().work, retry);
    request.hostDisconnected();
    assert.equal(await removed, undefined);
    assert.equal(request.busy, false);
  });

  it('leaves an error about fields to the form: no failure panel, nothing reported', async () => {
    const seen: unknown[] = [];
    const { request, reported } = controller(client, (error) => seen.push(error) > 0);
    const error = new Error('validation');
    await request.run(() => Promise.reject(error), noRetry);
    assert.deepEqual(seen, [error]);
    assert.deepEqual(reported, []);
    assert.equal(request.failed, false);
  });
});
