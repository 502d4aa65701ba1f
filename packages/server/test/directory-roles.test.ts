// The directory index across roles (SQLite, or PostgreSQL with TEST_DATABASE_URL): the worker role builds and stores
// each version's index, and an API instance started after it loads that index instead of indexing the services.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, sharedDatabase, startTestServer } from './server-harness.js';
import type { Service } from '@referral-kit/sdk';

describe('directory index across roles', () => {
  it('the worker stores the index; an API instance loads it instead of building its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-dirroles-'));
    const db = await sharedDatabase();
    let worker: Awaited<ReturnType<typeof startTestServer>> | undefined;
    let api: typeof worker;
    try {
      worker = await startTestServer(db.env, { dir, role: 'worker' });
      const stored = () =>
        worker!.db.query<{ version: string }>('SELECT version FROM directory_indexes WHERE complete = 1');
      // The worker publishes as it starts; bounded wait (a worker thread starts slowly on a loaded machine).
      for (let i = 0; i < 400 && (await stored()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      const [index] = await stored();
      assert.ok(index, 'the worker stored an index');
      assert.ok(worker.logs.some((l) => l.includes('directory index stored')));

      api = await startTestServer(db.env, { dir, role: 'api' });
      assert.equal((await api.get('/readyz')).status, 200);
      const loaded = api.logs
        .filter((l) => l.includes('directory index loaded'))
        .map((l) => JSON.parse(l) as { from: string; version: string });
      assert.deepEqual(
        loaded.map((l) => [l.from, l.version]),
        [['stored index', index.version]],
      );
      const page = await api.get(`/v1/services/${encodeURIComponent(api.fixtures.services[0]!.id)}`);
      assert.equal((await json<Service>(page)).name, api.fixtures.services[0]!.name);
    } finally {
      await api?.stop();
      await worker?.stop();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
