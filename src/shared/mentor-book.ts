import { z } from 'zod';
import { idSchema } from './api.ts';
import { multiLineText, singleLineText } from './text.ts';

/**
 * The mentor book (seeds 002, 004): the pair's own workbook. Its content is the pair's alone
 * (SPEC §5); the server keeps it encrypted and returns it to the two parties only. An item is
 * shared (both see it) or private (only its author sees it); one reaches the coordinator only when
 * its author shares it on purpose.
 */

export const BookLimits = {
  titleMax: 120,
  textMax: 4000,
  noteMax: 2000,
  ratingMin: 1,
  ratingMax: 10,
} as const;

export const bookItemKinds = [
  'goal',
  'action',
  'meeting_log',
  'progress',
  'reflection',
  'homework',
  'reading_note',
] as const;
export const bookItemKindSchema = z.enum(bookItemKinds);
export type BookItemKind = z.infer<typeof bookItemKindSchema>;

export const bookVisibilities = ['shared', 'private'] as const;
export const bookVisibilitySchema = z.enum(bookVisibilities);
export type BookVisibility = z.infer<typeof bookVisibilitySchema>;

const isoDate = z.iso.date();
const title = singleLineText.min(1).max(BookLimits.titleMax);
const text = multiLineText.min(1).max(BookLimits.textMax);
const optionalText = multiLineText.max(BookLimits.textMax);
const note = multiLineText.max(BookLimits.noteMax);

/** A SMART goal: all five parts are required, and a short title to name it by. */
export const goalContentSchema = z.object({
  title,
  /** What exactly. */
  specific: text,
  /** How you will know. */
  measurable: text,
  /** Why it is realistic. */
  achievable: text,
  /** Why it matters to you or your organisation. */
  relevant: text,
  /** By when. */
  timeBound: isoDate,
});
/** A dated step of a goal's action plan. */
export const actionContentSchema = z.object({
  what: title,
  dueOn: isoDate,
  done: z.boolean(),
});
/** A meeting's log in three parts (seeds 002, 004). */
export const meetingLogContentSchema = z.object({
  heldOn: isoDate,
  sinceLastTime: text,
  dialogue: text,
  beforeNextTime: text,
});
/** Where a goal stands, 1–10, on a date. */
export const progressContentSchema = z.object({
  rating: z.number().int().min(BookLimits.ratingMin).max(BookLimits.ratingMax),
  ratedOn: isoDate,
  note,
});
/** A reflection question or a homework task between meetings, with its answer once there is one. */
export const promptContentSchema = z.object({
  prompt: text,
  dueOn: isoDate.nullable(),
  answer: optionalText,
});
/** A personal note on a book of the programme's reading list. */
export const readingNoteContentSchema = z.object({
  book: singleLineText.min(1).max(300),
  note,
});

export type GoalContent = z.infer<typeof goalContentSchema>;
export type ActionContent = z.infer<typeof actionContentSchema>;
export type MeetingLogContent = z.infer<typeof meetingLogContentSchema>;
export type ProgressContent = z.infer<typeof progressContentSchema>;
export type PromptContent = z.infer<typeof promptContentSchema>;
export type ReadingNoteContent = z.infer<typeof readingNoteContentSchema>;

/** The content of each kind, by kind (the server validates stored content with these too). */
export const contentSchemas = {
  goal: goalContentSchema,
  action: actionContentSchema,
  meeting_log: meetingLogContentSchema,
  progress: progressContentSchema,
  reflection: promptContentSchema,
  homework: promptContentSchema,
  reading_note: readingNoteContentSchema,
} as const;

/** Kinds that belong to a goal (goalId required) and the one that may name a meeting. */
export const goalBoundKinds: readonly BookItemKind[] = ['action', 'progress'];

const base = { visibility: bookVisibilitySchema };
const goalRef = { goalId: idSchema };

/** Writing an item: its kind, who sees it, what it belongs to, and its content. */
export const bookItemBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('goal'), ...base, content: goalContentSchema }),
  z.object({ kind: z.literal('action'), ...base, ...goalRef, content: actionContentSchema }),
  z.object({
    kind: z.literal('meeting_log'),
    ...base,
    meetingId: idSchema.nullable().default(null),
    content: meetingLogContentSchema,
  }),
  z.object({ kind: z.literal('progress'), ...base, ...goalRef, content: progressContentSchema }),
  z.object({ kind: z.literal('reflection'), ...base, content: promptContentSchema }),
  z.object({ kind: z.literal('homework'), ...base, content: promptContentSchema }),
  z.object({ kind: z.literal('reading_note'), ...base, content: readingNoteContentSchema }),
]);
export type BookItemBody = z.input<typeof bookItemBodySchema>;
export type BookItemInput = z.output<typeof bookItemBodySchema>;

export const bookItemParams = z.object({ id: idSchema, itemId: idSchema });

const meta = {
  id: z.string(),
  visibility: bookVisibilitySchema,
  author: z.object({
    role: z.enum(['adept', 'mentor']),
    name: z.string(),
    /** Whether the caller wrote it. */
    isMe: z.boolean(),
  }),
  goalId: z.string().nullable(),
  meetingId: z.string().nullable(),
  /** When its author shared it with the coordinator; null when not shared. */
  sharedWithCoordinatorAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with it (see docs/mentor-book.md: shared goals and steps both may edit). */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
};

export const bookItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('goal'), ...meta, content: goalContentSchema }),
  z.object({ kind: z.literal('action'), ...meta, content: actionContentSchema }),
  z.object({ kind: z.literal('meeting_log'), ...meta, content: meetingLogContentSchema }),
  z.object({ kind: z.literal('progress'), ...meta, content: progressContentSchema }),
  z.object({ kind: z.literal('reflection'), ...meta, content: promptContentSchema }),
  z.object({ kind: z.literal('homework'), ...meta, content: promptContentSchema }),
  z.object({ kind: z.literal('reading_note'), ...meta, content: readingNoteContentSchema }),
]);
export type BookItem = z.infer<typeof bookItemSchema>;

/** The caller's view of the book: shared items and their own private ones. */
export const mentorBookSchema = z.object({
  pairId: z.string(),
  items: z.array(bookItemSchema),
  /** The programme's reading list (settings.documents.recommendedReading). */
  readingList: z.array(z.string()),
  /** Whether the pair is closed (then either party may clear every shared item). */
  pairClosed: z.boolean(),
  /** When what remained was cleared (by the pair or the retention rule); nothing can be written after. */
  clearedAt: z.string().nullable(),
  /** The date the retention rule clears what remains, once the pair is closed. */
  clearsOn: z.string().nullable(),
});
export type MentorBook = z.infer<typeof mentorBookSchema>;

/** What the coordinator sees: only the items shared with them, each exactly as written. */
export const sharedBookSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: bookItemKindSchema,
      authorRole: z.enum(['adept', 'mentor']),
      authorName: z.string(),
      sharedAt: z.string(),
      content: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type SharedBook = z.infer<typeof sharedBookSchema>;

/** Clearing: one's own items, or (once the pair is closed) every shared item as well. */
export const clearBookBodySchema = z.object({
  scope: z.enum(['own', 'all_shared']),
});
export const clearBookResultSchema = z.object({ deleted: z.number().int() });

export const exportQuerySchema = z.object({ format: z.enum(['json', 'html']).default('json') });

/** The goals and the latest rating of each, for the overview and the home page. */
export const goalsSummarySchema = z.object({
  goals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      timeBound: z.string(),
      visibility: bookVisibilitySchema,
      latestRating: z.number().int().nullable(),
      latestRatedOn: z.string().nullable(),
      openSteps: z.number().int(),
      doneSteps: z.number().int(),
    }),
  ),
});
export type GoalsSummary = z.infer<typeof goalsSummarySchema>;
