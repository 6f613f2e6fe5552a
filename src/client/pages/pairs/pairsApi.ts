import { pairSummarySchema } from '../../../shared/pair-year.ts';

/** Schemas the pair's pages load with (module-level, as useApiData wants them). */
export { pairSummarySchema };
