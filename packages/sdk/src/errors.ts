// Named error classes. Each `name` is a string literal so it survives minification (class names do not).
import type { ErrorCode, FieldError } from './contract/common.js';

/** Base class of every error the SDK throws on purpose. */
export class ReferralKitError extends Error {
  override name = 'ReferralKitError';
}

/** The input was rejected before anything was sent. `fields` says which field and why. */
export class ValidationError extends ReferralKitError {
  override name = 'ValidationError';
  constructor(
    readonly fields: FieldError[],
    message = describeFields('Invalid input', fields),
  ) {
    super(message);
  }
}

/** The server answered with something the contract does not allow (bad JSON, wrong shape). */
export class ContractError extends ReferralKitError {
  override name = 'ContractError';
  constructor(
    readonly route: string,
    readonly fields: FieldError[],
    message = describeFields(`The server's answer to ${route} broke the contract`, fields),
  ) {
    super(message);
  }
}

/** The server answered with an error status. */
export class ApiError extends ReferralKitError {
  override name = 'ApiError';
  readonly status: number;
  /** One of the contract's ErrorCodes; a newer server may send one this build does not know. */
  readonly code: ErrorCode | (string & {});
  readonly fields: FieldError[];
  readonly requestId: string | undefined;
  /** From `Retry-After`, when the server sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: FieldError[];
    requestId?: string;
    retryAfterMs?: number;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The request never got an answer (offline, DNS, connection reset, CORS). */
export class NetworkError extends ReferralKitError {
  override name = 'NetworkError';
}

/** The call's deadline passed before an answer arrived. */
export class TimeoutError extends ReferralKitError {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
  }
}

function describeFields(prefix: string, fields: FieldError[]): string {
  if (fields.length === 0) return prefix;
  return `${prefix}: ${fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ')}`;
}
