// Alert events as bits, so "does this subscription want this event?" is one indexable integer test in SQL.
import { ALERT_EVENTS, type AlertEvent } from '@referral-kit/sdk';

export function eventBit(event: AlertEvent): number {
  return 1 << ALERT_EVENTS.indexOf(event);
}

export function eventMask(events: readonly AlertEvent[]): number {
  return events.reduce((mask, event) => mask | eventBit(event), 0);
}
