// Child process for dispatch-cluster.test.ts: one dispatcher on a shared PostgreSQL. It logs every hand-over (dedupe
// key, recipient, pid) to a shared file, and with a crash count SIGKILLs itself right after that many hand-overs,
// before the row can be marked sent. It starts dispatching when the parent writes a line to stdin, so all start together.
// argv: <database url> <hand-over log> <crash after N, 0 = never> <clock ISO>; env RK_TEST_ALERTS_KEY = base64 master key.
import { appendFileSync } from 'node:fs';
import { once } from 'node:events';
import { openDb } from '../src/db/index.js';
import { createLogger } from '../src/logger.js';
import { createAlerts } from '../src/alerts/index.js';
import type { OutgoingMessage } from '../src/notify/transports/types.js';
import { clusterConfig } from './dispatch-cluster-config.js';

const [url, log, crashAfter, clockIso] = process.argv.slice(2);
const db = await openDb({ url: url! });
const now = () => new Date(clockIso!);
let sends = 0;
const logging = {
  async send(message: OutgoingMessage) {
    await new Promise((r) => setTimeout(r, 10)); // a gateway takes a moment: the dispatchers interleave
    appendFileSync(log!, `${JSON.stringify({ key: message.idempotencyKey, to: message.to, pid: process.pid })}\n`);
    if (++sends === Number(crashAfter)) process.kill(process.pid, 'SIGKILL');
  },
};
const alerts = createAlerts({
  db,
  config: clusterConfig(Buffer.from(process.env.RK_TEST_ALERTS_KEY!, 'base64')),
  logger: createLogger({ level: 'silent' }),
  now,
  transports: { email: logging, phone: logging },
});
process.stdout.write('ready\n');
await once(process.stdin, 'data');
while ((await alerts.dispatcher.runOnce()) > 0);
await db.close();
process.exit(0);
