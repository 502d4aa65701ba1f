// What the visitor receives: the reference and how to cancel, worded so a glance at a lock screen gives nothing
// away (no word about custody, offenders, victims or help). Calls and TTY only ever say the neutral phrase.
import { CALLBACK_CONTACT_CHANNEL, type CallbackChannel } from '@referral-kit/sdk';
import { catalog, channelLanguage, type CallbackStrings, type MessageLanguage } from '../i18n/index.js';
import type { RenderedMessage } from '../notify/messages.js';
import { fitSms } from '../notify/sms-segments.js';

export function callbackStrings(language: string): CallbackStrings {
  return catalog(language).callbacks;
}

/**
 * The reference message for a channel, or null when nothing may be sent: a call or TTY message is left only when
 * the visitor said a message may be left, because nobody knows who will hear it.
 */
export function renderReference(input: {
  language: string;
  channel: CallbackChannel;
  reference: string;
  leaveMessage: boolean;
  cancelUrl: string;
}): (RenderedMessage & { language: MessageLanguage }) | null {
  // In the visitor's language when the channel can carry it (a call in Haitian Creole cannot be spoken), else English.
  const language = channelLanguage(CALLBACK_CONTACT_CHANNEL[input.channel], input.language);
  const t = callbackStrings(language);
  if (input.channel === 'call' || input.channel === 'tty') {
    if (!input.leaveMessage) return null;
    // Spoken references are read character by character.
    const spoken = input.channel === 'call' ? input.reference.replace(/-/g, '').split('').join(' ') : input.reference;
    return { language, subject: t.subject, text: t.neutral(spoken) };
  }
  return {
    language,
    subject: t.subject,
    text:
      input.channel === 'email'
        ? `${[t.received(input.reference), t.cancel(input.cancelUrl), t.notYou].join('\n\n')}\n`
        : fitSms(t.sms(input.reference, input.cancelUrl)),
  };
}
