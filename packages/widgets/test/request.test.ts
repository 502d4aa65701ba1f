// The request lifecycle the elements share: newest wins, busy while it runs, aborts end quietly, failures retry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReferralClient } from '@referral-kit/sdk';
import { FormSubmission, RequestController } from '../src/internal/request.js';

function fakeHost() {
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const host: ReactiveControllerHost = {
    addController: (c) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
  return { host, controllers, updates: () => updates };
}

/** A request that waits until it is told how to end, and rejects like fetch when aborted. */
function pending<T>() {
  let settle!: { resolve(value: T): void; reject(error: unknown): void };
  const work = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      settle = { resolve, reject };
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { work, settle: () => settle };
}

describe('RequestController', () => {
  it('a newer request aborts the one before, whose outcome is undefined; busy until the newest ends', async () => {
    const { host, controllers, updates } = fakeHost();
    const request = new RequestController(host);
    assert.deepEqual(controllers, [request]);
    const first = pending<string>();
    const second = pending<string>();
    const firstDone = request.run(first.work);
    assert.equal(request.busy, true);
    const secondDone = request.run(second.work);
    assert.equal(await firstDone, undefined);
    assert.equal(request.busy, true, 'still busy with the newer request');
    second.settle().resolve('answer');
    assert.deepEqual(await secondDone, { value: 'answer' });
    assert.equal(request.busy, false);
    assert.equal(updates(), 2, 'one update when busy starts, one when it ends');
  });

  it('hands back an error that is not an abort, and ends quietly when aborted or disconnected', async () => {
    const request = new RequestController(fakeHost().host);
    const failing = pending<string>();
    const failed = request.run(failing.work);
    failing.settle().reject(new Error('boom'));
    assert.equal(((await failed) as { error: Error }).error.message, 'boom');
    const aborted = request.run(pending<string>().work);
    request.abort();
    assert.equal(await aborted, undefined);
    assert.equal(request.busy, false);
    const removed = request.run(pending<string>().work);
    request.hostDisconnected();
    assert.equal(await removed, undefined);
  });
});

describe('FormSubmission', () => {
  function form(client: ReferralClient | undefined, fieldErrors = false) {
    const shown: Array<[unknown, string | undefined]> = [];
    let hidden = 0;
    const submission = new FormSubmission(fakeHost().host, {
      client: () => client,
      showFailure: (error, kind) => void shown.push([error, kind]),
      hideFailure: () => void hidden++,
      fieldErrors: () => fieldErrors,
    });
    return { submission, shown, hidden: () => hidden };
  }
  const client = {} as ReferralClient;

  it('without an API says so as a configuration failure and sends nothing', async () => {
    const { submission, shown } = form(undefined);
    let sent = false;
    assert.equal(await submission.submit(async () => (sent = true), () => undefined), undefined);
    assert.deepEqual(shown, [[undefined, 'config']]);
    assert.equal(sent, false);
  });

  it('offers a retry after a failure, forgets it after a success or an abort', async () => {
    const { submission, shown, hidden } = form(client);
    const retry = () => undefined;
    const error = new Error('down');
    assert.equal(await submission.submit(() => Promise.reject(error), retry), undefined);
    assert.deepEqual(shown, [[error, undefined]]);
    assert.equal(submission.retry, retry);
    assert.equal(await submission.submit(async (c) => c, retry), client);
    assert.equal(submission.retry, undefined);
    assert.equal(hidden(), 2);
    await submission.submit(() => Promise.reject(error), retry);
    submission.abort();
    assert.equal(submission.retry, undefined, 'the retry holds the submitted form, and so the contact');
  });

  it('leaves an error about fields to the form, with no failure panel and no retry', async () => {
    const { submission, shown } = form(client, true);
    await submission.submit(() => Promise.reject(new Error('validation')), () => undefined);
    assert.deepEqual(shown, []);
    assert.equal(submission.retry, undefined);
  });
});
