// GET /v1/alerts/options: what this server can really send, so a signup never offers a language or channel that
// would bring messages in another language, or none at all.
import { AlertChannel, type AlertOptions } from '@referral-kit/sdk';
import type { RouteHandler } from '../http/types.js';
import { channelLanguages } from '../i18n/index.js';
import type { AlertsConfig } from './config.js';

export function alertOptions(config: Pick<AlertsConfig, 'phone'>): AlertOptions {
  // Twilio has no TTY relay: such a subscription could never be delivered.
  const channels = AlertChannel.options.filter(
    (channel) => !(channel === 'tty' && config.phone.transport === 'twilio'),
  );
  return { channels: channels.map((channel) => ({ channel, languages: [...channelLanguages(channel)] })) };
}

export function optionsHandler(config: AlertsConfig): RouteHandler<'getAlertOptions'> {
  const body = alertOptions(config);
  return async () => ({ status: 200, body });
}
