import { checkinStateSchema, followUpSchema, pairPlanSchema } from '../../../../shared/pair-plan.ts';

/** Schemas the process plan's pages load with (module-level, as useApiData wants them). */
export { checkinStateSchema, followUpSchema, pairPlanSchema };

export const planPath = (pairId: string) => `/api/pairs/${pairId}/plan`;
export const checkinPath = (pairId: string) => `/api/pairs/${pairId}/checkin`;
