import { z } from 'zod';
import {
  candidatesSchema,
  conflictSchema,
  decisionSchema,
  matchingBoardSchema,
  matchingRunSchema,
  myPairSchema,
  publishResultSchema,
  swapPreviewSchema,
} from '../../../shared/matching.ts';

/** Response shapes of the matching API, defined once so that hooks can depend on them. */
export const boardSchema = matchingBoardSchema;
export const runSchema = matchingRunSchema;
export const myPairListSchema = z.array(myPairSchema);
export const conflictListSchema = z.array(conflictSchema);
export {
  candidatesSchema,
  conflictSchema,
  decisionSchema,
  myPairSchema,
  publishResultSchema,
  swapPreviewSchema,
};
