// Turning any failure into one of a few plain-words kinds. Names are compared, not classes, so errors from another
// copy of the SDK on the page are recognised too.
import type { ReferralErrorKind } from '../events.js';
import type { Catalog } from '../i18n/index.js';

/** An abort we caused ourselves (newer query, quick exit, element removed): never shown, never reported. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function errorKind(error: unknown): ReferralErrorKind {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return 'timeout';
  if (name === 'NetworkError') return 'network';
  if (name === 'ContractError') return 'contract';
  if (name === 'ApiError' && (error as { status?: number }).status === 429) return 'rate-limited';
  return 'server';
}

export function errorMessage(t: Catalog, kind: ReferralErrorKind): string {
  const messages: Record<ReferralErrorKind, string> = {
    network: t.errors.unreachable,
    timeout: t.errors.timeout,
    'rate-limited': t.errors.rateLimited,
    server: t.errors.server,
    contract: t.errors.contract,
    config: t.errors.config,
  };
  return messages[kind];
}

/** The `code` of an ApiError, if that is what this is. */
export function apiErrorCode(error: unknown): string | undefined {
  return error instanceof Error && error.name === 'ApiError' ? (error as { code?: string }).code : undefined;
}
