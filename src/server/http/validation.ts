import type { FastifyError, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { controlCharacterPattern, TextMessages } from '../../shared/text.ts';
import { AppError, type FieldError } from '../errors.ts';
import { toAppError } from './error-handler.ts';

/**
 * Zod validation of params, query and body, behind one guard every route gets whatever its schema
 * says: no string and no object key anywhere in the input may hold a control character (tab and
 * line breaks aside), and nothing may nest deeper than any request of ours does. The shared text
 * schemas say the same per field, with one-line rules on top; this guard is for the string a
 * schema forgot.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
  return (data: unknown) => {
    const problems = inputProblems(data, route.httpPart === 'body' ? 'body' : 'request');
    if (problems.length === 0) return validate(data);
    return { error: new AppError('validation_failed', problems) };
  };
};

/** No request of ours nests deeper; deeper input is refused before any schema walks it. */
export const maxInputDepth = 32;

interface Node {
  value: unknown;
  key: string | null;
  parent: Node | null;
  depth: number;
}

/**
 * Problems with the input as a whole, as field errors: strings or keys holding control characters
 * (at `basics.title`, `languages.0`), or nesting deeper than any schema of ours. Iterative, with
 * paths built only for what is reported, so no input can make the walk costly.
 */
export function inputProblems(input: unknown, rootName: string, max = 20): FieldError[] {
  const found: FieldError[] = [];
  const stack: Node[] = [{ value: input, key: null, parent: null, depth: 0 }];
  const name = (node: Node) => {
    const keys: string[] = [];
    for (let n: Node | null = node; n?.key != null; n = n.parent) keys.unshift(n.key);
    return keys.length > 0 ? keys.join('.') : rootName;
  };
  while (stack.length > 0 && found.length < max) {
    const node = stack.pop()!;
    const { value, depth } = node;
    if (typeof value === 'string') {
      if (controlCharacterPattern.test(value))
        found.push({ field: name(node), message: TextMessages.controlCharacters });
    } else if (value !== null && typeof value === 'object') {
      if (depth >= maxInputDepth) return [{ field: rootName, message: 'too_deep' }];
      for (const [key, item] of Object.entries(value)) {
        // A bad key is reported on its object, never echoed.
        if (controlCharacterPattern.test(key))
          found.push({ field: name(node), message: TextMessages.controlCharacters });
        else stack.push({ value: item, key, parent: node, depth: depth + 1 });
      }
    }
  }
  return found;
}

/**
 * The body of a route declared with `attachValidation: true`, whose service reports every problem
 * at once: the schema's field errors travel with the body as sent, so the service can add the
 * problems it finds itself (a required question, a closed period) and answer one 400 with all of
 * them. A problem outside the body (path, query) or found by the input guard ends the request here.
 */
export class UncheckedBody {
  constructor(
    /** The body as sent; only the schema's field errors are known about it. */
    readonly raw: unknown,
    readonly schemaErrors: FieldError[],
  ) {}
}

export function bodyAsSent<T>(request: FastifyRequest & { body: T }): T | UncheckedBody {
  const failure = request.validationError as (FastifyError & { validationContext?: string }) | undefined;
  if (!failure) return request.body;
  if (failure instanceof AppError || failure.validationContext !== 'body') throw toAppError(failure);
  return new UncheckedBody(request.body, toAppError(failure).fieldErrors);
}
