// The official twilio package is large (21 MB on disk, about a second to load on a busy machine): it is loaded on
// first use, so a server without Twilio configured never pays for it.
import type TwilioSdk from 'twilio';

export type TwilioSdkModule = typeof TwilioSdk;

let loading: Promise<TwilioSdkModule> | undefined;

export function loadTwilio(): Promise<TwilioSdkModule> {
  return (loading ??= import('twilio').then((module) => module.default));
}
