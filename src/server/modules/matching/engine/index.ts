/** The matching engine's public API: pure functions, no I/O (the worker entry aside). */

export { checkStoredRun, instanceFromInput, solutionFromResult } from './audit.ts';
export { checkSolution } from './checker.ts';
export type { MatchingOptions, MatchingProposal, MatchingRunResult, UnmatchedAdept } from './engine.ts';
export { runMatching } from './engine.ts';
export type { ExplanationReason } from './explain.ts';
export { renderReason } from './explain.ts';
export { canonicalJson, hashInput } from './hash.ts';
export { MatchingInputError, solveInstance } from './instance.ts';
export type { MentorRanking, RankedMentor } from './rank.ts';
export { rankMentors } from './rank.ts';
export type { RematchMode, RematchRequest, RematchResult } from './rematch.ts';
export { rematchAdept } from './rematch.ts';
export { runMatchingInWorker } from './run-in-worker.ts';
export type {
  Criterion,
  HardConstraint,
  MatchingAdept,
  MatchingInput,
  MatchingMentor,
  MatchingOrganisation,
  MatchingRules,
  PersonLink,
  ScoreBreakdown,
  ScoreWeights,
} from './scoring.ts';
export {
  criteria,
  defaultScoreWeights,
  hardConstraints,
  haversineKm,
  MatchingProfileError,
  matchingRulesFromSettings,
} from './scoring.ts';
export type {
  CheckResult,
  MatchingCertificate,
  MatchingInstance,
  MatchingSolution,
  Progress,
} from './types.ts';
export { DEFAULT_MAX_SCORE } from './types.ts';
