/** The one error vocabulary of the server; mapped to HTTP problems in http/error-handler.ts. */

export const errorCodes = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_invalid: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  token_invalid: 410,
  rate_limited: 429,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  field: string;
  /** A message key under `errors.fields.*` in the server messages, or literal text. */
  message: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors: FieldError[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.status = errorCodes[code];
  }

  static validation(field: string, message: string, params?: Record<string, string | number>): AppError {
    return new AppError('validation_failed', [{ field, message, ...(params ? { params } : {}) }]);
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
