// SQLite's write-ahead log under an import: one bulk transaction after another must not grow the log without end
// (each read searches the log's index, and the file keeps its largest size).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDb } from '../src/db/index.js';

describe('SQLite write-ahead log', () => {
  it('restarts while bulk transactions follow one another, so it holds about a second of writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-wal-'));
    const file = join(dir, 'wal.sqlite');
    const db = await openDb({ file });
    try {
      await db.run('CREATE TABLE bulk (key BLOB PRIMARY KEY, value BLOB NOT NULL)');
      let written = 0; // bytes of values
      const until = performance.now() + 4000;
      while (performance.now() < until) {
        // Random keys, as an import's ids: each transaction touches pages all over the index.
        await db.transaction(
          async (tx) => {
            for (let i = 0; i < 20; i++)
              await tx.run('INSERT INTO bulk VALUES ($1, $2)', [randomBytes(16), randomBytes(2048)]);
          },
          { background: true },
        );
        written += 20 * 2048;
        await sleep(5);
      }
      const log = statSync(`${file}-wal`).size;
      // Without restarts the log held every page written (3.7 times the values here), with them about a second's.
      assert.ok(log < 2 * written, `log ${log} bytes after ${written} bytes written`);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
