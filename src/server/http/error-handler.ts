import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../errors.ts';
import { fieldMessage, genericFieldMessages, problemTitle } from '../i18n/messages.ts';

/**
 * Every error leaves as application/problem+json in the caller's language, with the invalid
 * fields named. A 5xx never shows its internals.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else
      request.log.info(
        { code: appError.code, fields: appError.fieldErrors.map((f) => f.field) },
        'request refused',
      );
    return sendProblem(request, reply, appError);
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('not_found')));
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = request.locale;
  const errors = error.fieldErrors.map((f) => ({
    field: f.field,
    message: fieldMessage(locale, f.message, f.params),
  }));
  // Fields whose message does not name them ("Måste fyllas i."): a summary puts the label first.
  const genericFields = error.fieldErrors
    .filter((f) => genericFieldMessages.has(f.message))
    .map((f) => f.field);
  if (error.code === 'rate_limited' && error.params.retryAfterSeconds) {
    reply.header('retry-after', String(error.params.retryAfterSeconds));
  }
  return reply
    .status(error.status)
    .type('application/problem+json')
    .send({
      type: `https://bollplank.se/problems/${error.code}`,
      title: problemTitle(locale, error.code),
      status: error.status,
      code: error.code,
      detail:
        errors.length > 0
          ? errors.map((e) => `${e.field}: ${e.message}`).join(' ')
          : problemTitle(locale, error.code),
      ...(errors.length > 0 ? { errors } : {}),
      ...(genericFields.length > 0 ? { genericFields } : {}),
    });
}

export function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    return new AppError(
      'validation_failed',
      error.validation.map((issue) => toFieldError(issue, context)),
    );
  }
  if (isResponseSerializationError(error)) return new AppError('internal');
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    return new AppError('csrf_invalid');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return AppError.validation('body', 'invalid_format');
  }
  if (error instanceof SyntaxError || error.statusCode === 400)
    return AppError.validation('body', 'invalid_format');
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const byStatus: Record<number, ErrorCode> = {
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
      429: 'rate_limited',
    };
    return new AppError(byStatus[status] ?? 'validation_failed');
  }
  return new AppError('internal');
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function toFieldError(issue: ValidationIssue, context: string | undefined): FieldError {
  const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const field = path || (context === 'body' ? 'body' : (context ?? 'request'));
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      if (issue.message?.includes('received undefined')) return { field, message: 'required' };
      if (p.expected === 'int') return { field, message: 'not_integer' };
      return { field, message: 'invalid_type' };
    case 'too_small':
    case 'too_big': {
      const origin = String(p.origin ?? 'number');
      const kind = origin === 'string' || origin === 'array' ? origin : 'number';
      const bound = issue.keyword === 'too_small' ? 'min' : 'max';
      const value = Number(p.minimum ?? p.maximum);
      if (issue.keyword === 'too_small' && origin === 'string' && value === 1)
        return { field, message: 'required' };
      return { field, message: `${issue.keyword}_${kind}`, params: { [bound]: value } };
    }
    case 'invalid_format': {
      const format = String(p.format ?? '');
      const known = ['email', 'date', 'uuid', 'url'];
      if (known.includes(format)) return { field, message: `invalid_${format}` };
      return {
        field,
        message: issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'invalid_format',
      };
    }
    case 'invalid_value':
      // A schema's own message (a key such as "choose_meeting_mode") says it better than the list.
      if (issue.message && !issue.message.startsWith('Invalid')) return { field, message: issue.message };
      return {
        field,
        message: 'invalid_value',
        params: { options: ((p.values as unknown[]) ?? []).join(', ') },
      };
    case 'unrecognized_keys': {
      const keys = (p.keys as string[]) ?? [];
      return { field: [path, keys[0]].filter(Boolean).join('.') || field, message: 'unrecognized_keys' };
    }
    default:
      return { field, message: issue.message ?? 'custom' };
  }
}
