// Which outbox rows go first when more are due than a dispatcher can send at once: someone who may be in danger
// now (an escape or a release) before a person waiting for a code, before everything else.
import type { AlertEvent } from '@referral-kit/sdk';
import type { OutgoingMessage } from './transports/types.js';

export const PRIORITY = { urgent: 0, transactional: 1, bulk: 2 } as const;
export type PriorityName = keyof typeof PRIORITY;
export const PRIORITY_NAMES = Object.keys(PRIORITY) as PriorityName[];

const URGENT_EVENTS: ReadonlySet<AlertEvent> = new Set(['escape', 'release', 'bond-or-order-release']);

export function statusAlertPriority(event: AlertEvent): number {
  return URGENT_EVENTS.has(event) ? PRIORITY.urgent : PRIORITY.bulk;
}

export function messagePriority(kind: OutgoingMessage['kind']): number {
  if (kind === 'staff-urgent') return PRIORITY.urgent;
  return kind === 'status' ? PRIORITY.bulk : PRIORITY.transactional;
}
