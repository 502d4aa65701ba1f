// Callback requests configuration: how long personal data outlives a closed request, and the request limits.
import type { Limit } from '../alerts/rate-limiter.js';

export interface CallbacksConfig {
  /** Days after a request is closed or cancelled before its personal data is erased (counts stay). */
  retentionDays: number;
  limits: { requestPerIp: Limit; requestPerContact: Limit; cancelPerIp: Limit };
}

export const DEFAULT_CALLBACK_LIMITS: CallbacksConfig['limits'] = {
  requestPerIp: { max: 5, windowSeconds: 3600 },
  // Each request sends a message to the contact: this stops the form being used to pester someone.
  requestPerContact: { max: 3, windowSeconds: 24 * 3600 },
  cancelPerIp: { max: 30, windowSeconds: 3600 },
};

export function callbacksConfig(
  input: { retentionDays?: number; limits?: Partial<CallbacksConfig['limits']> } = {},
): CallbacksConfig {
  return { retentionDays: input.retentionDays ?? 30, limits: { ...DEFAULT_CALLBACK_LIMITS, ...input.limits } };
}

/** Reads CALLBACKS_RETENTION_DAYS (whole days, default 30). */
export function callbacksConfigFromEnv(env: NodeJS.ProcessEnv): CallbacksConfig {
  const days = env.CALLBACKS_RETENTION_DAYS?.trim();
  if (days !== undefined && days !== '' && !/^\d{1,4}$/.test(days))
    throw new Error('CALLBACKS_RETENTION_DAYS must be a whole number of days.');
  return callbacksConfig({ retentionDays: days ? Number(days) : undefined });
}
