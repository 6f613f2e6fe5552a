import { createHash } from 'node:crypto';
import type { ProgrammeSettings } from '../../../shared/programme.ts';

/**
 * The versions of the texts the pair signs: sha256 of the exact text. The contract's is of the
 * programme's rules and questions and the pair's answers; the confidentiality agreement's of the
 * programme's text. A signature counts for the version it was made of only.
 */

export type Answers = Record<string, string>;

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The answers in the questions' order, every question present: the text both sign. */
export function normaliseAnswers(settings: ProgrammeSettings, answers: Answers): Answers {
  return Object.fromEntries(settings.documents.contractQuestions.map((q) => [q.key, answers[q.key] ?? '']));
}

export function contractVersion(settings: ProgrammeSettings, answers: Answers): string {
  const { contractRules, contractQuestions } = settings.documents;
  return sha256({
    rules: contractRules,
    questions: contractQuestions,
    answers: normaliseAnswers(settings, answers),
  });
}

export function confidentialityVersion(settings: ProgrammeSettings): string {
  return sha256({ confidentiality: settings.documents.confidentialityText });
}
