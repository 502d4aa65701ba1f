// GET /v1/alerts/options: what this server can really send, so a signup never offers a language or channel that
// would bring messages in another language, or none at all.
import { AlertChannel, PIN_CHANNELS, type AlertOptions } from '@referral-kit/sdk';
import type { RouteHandler } from '../http/types.js';
import { MESSAGE_LANGUAGES, messageLanguage, type MessageLanguage } from '../notify/i18n.js';
import { PHONE_LANGUAGES } from '../telephony/prompts.js';
import type { AlertsConfig } from './config.js';

/** Email and text use the message catalogs; calls and TTY also need the phone line's spoken prompts. */
const languagesOf = (channel: AlertChannel): readonly MessageLanguage[] =>
  PIN_CHANNELS.includes(channel)
    ? MESSAGE_LANGUAGES.filter((l) => (PHONE_LANGUAGES as string[]).includes(l))
    : MESSAGE_LANGUAGES;

export function alertOptions(config: Pick<AlertsConfig, 'phone'>): AlertOptions {
  // Twilio has no TTY relay: such a subscription could never be delivered.
  const channels = AlertChannel.options.filter(
    (channel) => !(channel === 'tty' && config.phone.transport === 'twilio'),
  );
  return { channels: channels.map((channel) => ({ channel, languages: [...languagesOf(channel)] })) };
}

/** The language a message on a channel is written in: the subscriber's when that channel has it, else English. */
export function channelLanguage(channel: AlertChannel, tag: string): MessageLanguage {
  const language = messageLanguage(tag);
  return languagesOf(channel).includes(language) ? language : 'en';
}

export function optionsHandler(config: AlertsConfig): RouteHandler<'getAlertOptions'> {
  const body = alertOptions(config);
  return async () => ({ status: 200, body });
}
