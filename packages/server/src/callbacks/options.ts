// GET /v1/callbacks/options: the languages a request's reference can be sent in on each channel, so the request form
// offers no language that would bring the reference in another one (an interpreter covers every other language).
import { CALLBACK_CHANNELS, CALLBACK_CONTACT_CHANNEL, type CallbackOptions } from '@referral-kit/sdk';
import type { RouteHandler } from '../http/types.js';
import { channelLanguages } from '../i18n/index.js';

export const callbackOptions: CallbackOptions = {
  channels: CALLBACK_CHANNELS.map((channel) => ({
    channel,
    languages: [...channelLanguages(CALLBACK_CONTACT_CHANNEL[channel])],
  })),
};

export const optionsHandler: RouteHandler<'getCallbackOptions'> = async () => ({ status: 200, body: callbackOptions });
