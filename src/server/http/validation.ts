import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { controlCharacterPattern, TextMessages } from '../../shared/text.ts';
import { AppError, type FieldError } from '../errors.ts';

/**
 * Zod validation of params, query and body, behind one guard every route gets whatever its schema
 * says: no string and no object key anywhere in the input may hold a control character (tab and
 * line breaks aside). The shared text schemas say the same per field, with one-line rules on top;
 * this guard is for the string a schema forgot.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
  return (data: unknown) => {
    const fields = fieldsWithControlCharacters(data, route.httpPart === 'body' ? 'body' : 'request');
    if (fields.length === 0) return validate(data);
    const fieldErrors: FieldError[] = fields.map((field) => ({
      field,
      message: TextMessages.controlCharacters,
    }));
    return { error: new AppError('validation_failed', fieldErrors) };
  };
};

/** Paths (`basics.title`, `languages.0`) of strings or keys with control characters; iterative, so depth cannot overflow. */
export function fieldsWithControlCharacters(input: unknown, rootName: string, max = 20): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  const name = (path: string[]) => (path.length > 0 ? path.join('.') : rootName);
  while (stack.length > 0 && found.length < max) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (controlCharacterPattern.test(value)) found.push(name(path));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        stack.push({ value: item, path: [...path, String(index)] });
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        // A bad key is reported on its object, never echoed.
        if (controlCharacterPattern.test(key)) found.push(name(path));
        else stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}
