// Child process for dispatch.test.ts: runs a dispatcher on a shared SQLite file with the file transport and
// SIGKILLs itself right after handing over the Nth message, before the outbox row can be marked sent.
// argv: <db file> <outbox file> <crash after N sends> <clock ISO>; env RK_TEST_ALERTS_KEY = base64 master key.
import { migrate, openDb } from '../src/db/index.js';
import { createLogger } from '../src/logger.js';
import { alertsConfig, createAlerts } from '../src/alerts/index.js';
import { FileTransport } from '../src/notify/transports/file.js';
import type { OutgoingMessage } from '../src/notify/transports/types.js';

const [dbFile, outboxFile, crashAfter, clockIso] = process.argv.slice(2);
const db = await openDb({ file: dbFile! });
await migrate(db);
const now = () => new Date(clockIso!);
const file = new FileTransport(outboxFile!, now);
let sends = 0;
const crashing = {
  async send(message: OutgoingMessage) {
    await file.send(message);
    if (++sends === Number(crashAfter)) process.kill(process.pid, 'SIGKILL');
  },
};
const config = alertsConfig({
  secretKey: Buffer.from(process.env.RK_TEST_ALERTS_KEY!, 'base64'),
  publicUrl: 'https://alerts.example.test',
  outboxFile: outboxFile!,
});
const alerts = createAlerts({
  db,
  config,
  logger: createLogger({ level: 'silent' }),
  now,
  transports: { email: crashing, phone: crashing },
});
while ((await alerts.dispatcher.runOnce()) > 0);
await db.close();
