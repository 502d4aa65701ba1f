// The directory's threads: a builder reads the services on a connection of its own and indexes them at the lowest
// priority, so a re-index takes only the cores the requests leave and none of the API's thread; the thread that
// serves the version it built runs at the process's own priority. (Linux sets priorities per thread; elsewhere the
// builder keeps the process's priority and that test skips.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { Directory } from '../src/routes/directory.js';
import { DirectoryThread } from '../src/routes/directory-thread.js';
import { QUERY, ids, services, write, zephyr } from './directory-harness.js';
import { testClock } from './clock.js';

const clock = testClock();
const perThread = existsSync('/proc/thread-self');

/** Each of this process's threads' nice value, by thread id (field 19 of /proc/self/task/<id>/stat). */
function niceByThread(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const id of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
    // After "id (name) ": the state is field 3, so the nice value is the 17th of the rest.
    nice.set(Number(id), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return nice;
}

describe('directory threads', () => {
  it(
    'a builder runs at the lowest priority; the thread serving what it built runs at the process’s',
    { skip: perThread ? false : 'threads have no priority of their own here (no /proc/thread-self)' },
    async () => {
      const before = niceByThread();
      const own = before.get(process.pid)!;
      const builder = new DirectoryThread({ background: true });
      let built;
      try {
        builder.add([...services, zephyr].map((service) => JSON.stringify(service)));
        built = await builder.build('v1', clock.now().toISOString());
        const lowered = [...niceByThread()].filter(([id, nice]) => !before.has(id) && nice !== own);
        assert.deepEqual(
          lowered.map(([, nice]) => nice),
          [constants.priority.PRIORITY_LOW],
          'exactly one new thread, the builder, is lowered',
        );
      } finally {
        await builder.terminate();
      }
      assert.equal(built.size, services.length + 1);

      const server = new DirectoryThread();
      try {
        server.addSaved(built.saved);
        await server.load('v1');
        const page = await server.search(QUERY, clock.now());
        assert.deepEqual(
          page.items.map((hit) => hit.service.id),
          ['svc-zephyr'],
        );
        assert.deepEqual(
          [...niceByThread()].filter(([, nice]) => nice !== own),
          [],
          'no thread runs below the process once the builder has ended',
        );
      } finally {
        await server.terminate();
      }
    },
  );

  it('a builder reads the services itself: none pass through the API’s connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-dirthread-'));
    const db = await openDb({ file: join(dir, 'db.sqlite') });
    const directory = new Directory(countingServiceReads(db), { now: clock.now });
    try {
      await migrate(db);
      await write(db, [...services, zephyr], clock);
      const state = await directory.current();
      assert.deepEqual(await ids(state, clock), ['svc-zephyr']);
      assert.equal(serviceReads, 0, 'no page of services was read on the API’s connection');
    } finally {
      await directory.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

let serviceReads = 0;
/** The same database, counting the reads of services' rows made through this connection. */
function countingServiceReads(db: Db): Db {
  return {
    ...db,
    dialect: db.dialect,
    location: db.location,
    query(sql, params) {
      if (sql.startsWith('SELECT id, data FROM services')) serviceReads++;
      return db.query(sql, params);
    },
  };
}
