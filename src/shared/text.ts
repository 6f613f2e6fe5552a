import { z } from 'zod';

/**
 * Text people type. Control characters never belong in it: PostgreSQL refuses NUL outright, and
 * the rest garble exports, mails and screens. Tab, line feed and carriage return are allowed in
 * multi-line text; one-line text (names, titles, places) allows no line breaks either.
 */

// Built from escapes so the source holds no control characters itself.
const c0ExceptTabAndLineBreaks = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F';
const delAndC1 = '\\u007F-\\u009F';
const lineBreaks = '\\u0009\\u000A\\u000D\\u2028\\u2029';

export const controlCharacterPattern = new RegExp(`[${c0ExceptTabAndLineBreaks}${delAndC1}]`);
const multiLinePattern = new RegExp(`^[^${c0ExceptTabAndLineBreaks}${delAndC1}]*$`);
const singleLinePattern = new RegExp(`^[^${c0ExceptTabAndLineBreaks}${delAndC1}${lineBreaks}]*$`);

/** Message keys, translated by the server (`errors.fields.*`) and the client alike. */
export const TextMessages = { controlCharacters: 'control_characters', oneLine: 'one_line' } as const;

/** One line of text, trimmed: names, titles, places, keys. */
export const singleLineText = z.string().trim().regex(singleLinePattern, TextMessages.oneLine);

/** Text that may span lines, trimmed: descriptions, goals, comments. */
export const multiLineText = z.string().trim().regex(multiLinePattern, TextMessages.controlCharacters);

/** The same rule for text kept exactly as sent (record keys, stored answers). */
export const untrimmedSingleLine = z.string().regex(singleLinePattern, TextMessages.oneLine);
export const untrimmedMultiLine = z.string().regex(multiLinePattern, TextMessages.controlCharacters);
