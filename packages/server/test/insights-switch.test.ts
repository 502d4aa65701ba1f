// Counting for the insights reports can be left out of a server (the bench measures what it costs that way): the
// same search is counted with the default and not at all with `countInsights: false`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/db/index.js';
import { startTestServer } from './server-harness.js';

/** Insight counts written by a server that answered one search, read after it stopped (stopping flushes them). */
async function countsAfterOneSearch(countInsights: boolean | undefined): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-insights-switch-'));
  try {
    const server = await startTestServer({}, { dir, countInsights });
    assert.equal((await server.get('/v1/services?postalCode=77002')).status, 200);
    await server.close();
    const db = await openDb({ file: join(dir, 'referral-kit.sqlite') });
    const [row] = await db.query<{ n: number | null }>('SELECT SUM(n) AS n FROM insight_counts');
    await db.close();
    return Number(row?.n ?? 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('insights counting switch', { skip: Boolean(process.env.TEST_DATABASE_URL) }, () => {
  it('counts by default', async () => assert.equal(await countsAfterOneSearch(undefined), 1));
  it('counts nothing with countInsights: false', async () => assert.equal(await countsAfterOneSearch(false), 0));
});
