// Harness for server-core tests: the real server (startServer) on a loopback port, a real SQLite file in a temp
// directory, small deterministic demo data, and every log line captured for privacy assertions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { generateFixtures, type Fixtures } from '@referral-kit/mocks';
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
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', ...env });
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
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
