// Harness for server-core tests: the real server (startServer) on a loopback port, a real SQLite file in a temp
// directory, small deterministic demo data, and every log line captured for privacy assertions.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { FIXTURE_IDS, generateFixtures, type Fixtures } from '@referral-kit/mocks';
import { loadConfig, type ServerConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer, type StartOptions } from '../src/main.js';

export interface TestServer extends RunningServer {
  dir: string;
  config: ServerConfig;
  fixtures: Fixtures;
  logs: string[];
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Stops the server and removes the temp directory. */
  stop(): Promise<void>;
}

export const SMALL_FIXTURES = () => generateFixtures({ seed: 7, services: 40, custody: 40 });

export async function startTestServer(
  env: Record<string, string> = {},
  options: Omit<StartOptions, 'logger'> & { dir?: string } = {},
): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rk-server-'));
  const pg =
    process.env.TEST_DATABASE_URL && !env.DATABASE_URL
      ? await createPgSchema(process.env.TEST_DATABASE_URL)
      : undefined;
  const config = loadConfig({
    DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const fixtures = options.fixtures ?? SMALL_FIXTURES();
  const running = await startServer(config, { directoryCheckMs: 0, ...options, fixtures, logger });
  return {
    ...running,
    dir,
    config,
    fixtures,
    logs,
    get: (path, headers = {}) => fetch(running.url + path, { headers }),
    async stop() {
      await running.close();
      await pg?.drop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * With TEST_DATABASE_URL set, every test server gets its own PostgreSQL schema instead of a SQLite file, so the
 * same HTTP tests run against PostgreSQL.
 */
export async function createPgSchema(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `rk_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

/** A response's JSON body as the type the caller names (the contract's, or an error body). */
export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A sign-up for the demo data's released person. */
export function subscribeBody(contact: string, channel = 'email'): string {
  return JSON.stringify({
    subjectId: FIXTURE_IDS.custody.released,
    channel,
    contact,
    language: 'en',
    events: ['release'],
  });
}

/** POSTs JSON as if from `ip` (servers started with TRUST_PROXY=true). */
export function post(url: string, body: string, ip: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body });
}

/** One database for several processes: a fresh PostgreSQL schema when the tests run on PostgreSQL, else the SQLite file in DATA_DIR. */
export async function sharedDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { env: {}, drop: async () => {} };
  const schema = await createPgSchema(base);
  return { env: { DATABASE_URL: schema.url }, drop: schema.drop };
}
