// Message bodies: short, in the subscriber's language, and always saying how to stop them.
import type { AlertChannel, AlertEvent, CustodyStatus } from '@referral-kit/sdk';
import { custodyGuideText } from '@referral-kit/sdk/custody-guide';
import { catalog, formatDate } from '../i18n/index.js';
import { fitSms } from './sms-segments.js';

export interface RenderedMessage {
  subject: string;
  text: string;
}

/** Events after which the person may be near: the message adds where to turn if in danger. */
const SAFETY_EVENTS: readonly AlertEvent[] = ['release', 'bond-or-order-release', 'escape'];

export function renderConfirmation(input: {
  language: string;
  channel: AlertChannel;
  code: string;
  minutes: number;
  confirmUrl: string;
  stopUrl: string;
}): RenderedMessage {
  const t = catalog(input.language).alerts;
  // Spoken codes are read digit by digit.
  const code = input.channel === 'voice' ? input.code.split('').join(' ') : input.code;
  const lines = [t.confirmCode(code, input.minutes)];
  if (input.channel === 'email') lines.push(t.confirmLink(input.confirmUrl));
  lines.push(t.notYou, stopLine(input.language, input.channel, input.stopUrl));
  return { subject: t.confirmSubject, text: joinFor(input.channel, lines) };
}

export function renderStatus(input: {
  language: string;
  channel: AlertChannel;
  event: AlertEvent;
  /** The status the person moved to: the message says it with the guide's short form. */
  status: CustodyStatus;
  occurredAt: string;
  reference: string;
  stopUrl: string;
}): RenderedMessage {
  const t = catalog(input.language).alerts;
  const explanation = custodyGuideText(catalog(input.language).language).statuses[input.status];
  const lines = [
    t.statusLine(
      input.reference,
      `${formatDate(input.language, input.occurredAt, input.channel === 'sms' ? 'brief' : 'moment')} UTC`,
    ),
    explanation.alert,
  ];
  if (SAFETY_EVENTS.includes(input.event)) lines.push(t.safety);
  if (input.channel === 'voice' || input.channel === 'tty') lines.push(t.pinPrompt);
  lines.push(stopLine(input.language, input.channel, input.stopUrl));
  return { subject: t.statusSubject, text: joinFor(input.channel, lines) };
}

function stopLine(language: string, channel: AlertChannel, stopUrl: string): string {
  const t = catalog(language).alerts;
  if (channel === 'email') return t.stopEmail(stopUrl);
  return channel === 'sms' ? t.stopSms : t.stopCall;
}

/** Email gets paragraphs; SMS and calls one short run of sentences (SMS within two segments where it can be). */
function joinFor(channel: AlertChannel, lines: string[]): string {
  if (channel === 'email') return `${lines.join('\n\n')}\n`;
  return channel === 'sms' ? fitSms(lines.join(' ')) : lines.join(' ');
}
