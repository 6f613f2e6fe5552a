import { z } from 'zod';
import {
  type BookItem,
  type BookItemKind,
  bookItemSchema,
  clearBookResultSchema,
  goalsSummarySchema,
  mentorBookSchema,
  sharedBookSchema,
} from '../../../../shared/mentor-book.ts';
import { api } from '../../../api.ts';

/** Schemas the mentor book's pages load with (module-level, as useApiData wants them). */
export { bookItemSchema, goalsSummarySchema, mentorBookSchema, sharedBookSchema };

/** The pair's meetings as the mentor book needs them: to tie a meeting's notes to it. */
export const bookMeetingsSchema = z.object({
  meetings: z.array(
    z.object({
      id: z.string(),
      startsAt: z.string(),
      date: z.string(),
      time: z.string(),
      status: z.string(),
    }),
  ),
});

export const bookPath = (pairId: string) => `/api/pairs/${pairId}/book`;
const itemPath = (pairId: string, itemId: string) => `${bookPath(pairId)}/items/${itemId}`;

export const bookApi = {
  create: (pairId: string, body: unknown) => api.post(`${bookPath(pairId)}/items`, body, bookItemSchema),
  update: (pairId: string, itemId: string, body: unknown) =>
    api.put(itemPath(pairId, itemId), body, bookItemSchema),
  remove: (pairId: string, itemId: string) => api.delete(itemPath(pairId, itemId)),
  share: (pairId: string, itemId: string) =>
    api.post(`${itemPath(pairId, itemId)}/coordinator-share`, {}, bookItemSchema),
  unshare: (pairId: string, itemId: string) => api.delete(`${itemPath(pairId, itemId)}/coordinator-share`),
  clear: (pairId: string, scope: 'own' | 'all_shared') =>
    api.post(`${bookPath(pairId)}/clear`, { scope }, clearBookResultSchema),
};

/** The request body that writes `item` again with changed content (kind, goal and meeting stay). */
export function bodyOf(
  item: BookItem,
  changes: { visibility?: string; content?: Record<string, unknown> } = {},
) {
  return {
    kind: item.kind,
    visibility: changes.visibility ?? item.visibility,
    ...(item.goalId ? { goalId: item.goalId } : {}),
    ...(item.kind === 'meeting_log' ? { meetingId: item.meetingId } : {}),
    content: { ...(item.content as Record<string, unknown>), ...changes.content },
  };
}

export const ofKind = <K extends BookItemKind>(items: BookItem[], kind: K) =>
  items.filter((i): i is Extract<BookItem, { kind: K }> => i.kind === kind);
