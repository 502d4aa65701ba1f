// Structured logs (pino) that never carry personal data: no contacts, no query strings or search terms, no IPs,
// no user agents. Request logs are built from an allow-list of fields; redaction is a second line of defence.
import { pino, type Logger, type DestinationStream, type Level } from 'pino';

export type { Logger };

/** Paths pino blanks out if a caller ever passes them by mistake. */
export const REDACT_PATHS = [
  'contact',
  '*.contact',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'to',
  '*.to',
  'query',
  '*.query',
  'q',
  '*.q',
  'ip',
  '*.ip',
  'userAgent',
  '*.userAgent',
  'headers',
  '*.headers',
  'url',
  '*.url',
  'body',
  '*.body',
  'req',
  'res',
  'pin',
  '*.pin',
  'token',
  '*.token',
];

export function createLogger(options: { level?: Level | 'silent'; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'referral-kit-server' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}
