import { z } from 'zod';
import { idSchema } from './api.ts';
import { singleLineText } from './text.ts';

/**
 * The pair's meetings: booked by either party, mailed to both as calendar invitations, reminded the
 * day before. Times are entered and shown in Swedish time (Europe/Stockholm) and kept as UTC
 * instants. Where and how a meeting is held is the pair's own: these shapes reach the two parties only.
 */

export const MeetingLimits = {
  durationMin: 15,
  durationMax: 480,
  locationMax: 300,
} as const;

export const meetingModes = ['in_person', 'video', 'phone'] as const;
export const meetingModeSchema = z.enum(meetingModes);
export type MeetingMode = z.infer<typeof meetingModeSchema>;

/** planned: coming or not yet marked; held: marked held; cancelled: called off (kept, shown as such). */
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export const meetingStatusSchema = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

/** Booking or moving a meeting: a Swedish date and wall-clock time, a length, how and where. */
export const meetingBodySchema = z.object({
  /** YYYY-MM-DD, in Sweden. */
  date: z.iso.date(),
  /** HH:MM, Swedish time. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time'),
  durationMinutes: z.number().int().min(MeetingLimits.durationMin).max(MeetingLimits.durationMax),
  mode: z.enum(meetingModes, { error: 'choose_meeting_mode' }),
  /** A place, a link to the video meeting, or who calls whom. */
  location: singleLineText.min(1).max(MeetingLimits.locationMax),
});
export type MeetingBody = z.infer<typeof meetingBodySchema>;

export const meetingParams = z.object({ meetingId: idSchema });

export const meetingSchema = z.object({
  id: z.string(),
  pairId: z.string(),
  /** UTC instant. */
  startsAt: z.string(),
  /** The same start in Swedish time, as entered. */
  date: z.string(),
  time: z.string(),
  durationMinutes: z.number().int(),
  mode: meetingModeSchema,
  location: z.string(),
  status: meetingStatusSchema,
  heldAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /** The calendar invitation's version: raised by every change sent out. */
  sequence: z.number().int(),
  bookedBy: z.string().nullable(),
  /** The start has passed and it is neither held nor cancelled. */
  canMarkHeld: z.boolean(),
  /** Still to come and not cancelled: it can be moved or cancelled. */
  canChange: z.boolean(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingListSchema = z.object({
  meetings: z.array(meetingSchema),
  /** The pair is at a point of its year where meetings are booked (introduced to ending). */
  canBook: z.boolean(),
  /** The server's time, which decides upcoming and earlier. */
  now: z.string(),
});
export type MeetingList = z.infer<typeof meetingListSchema>;

// --- The personal calendar feed ---------------------------------------------------------------------------

export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

/** The feed's address: shown once, when it is made. */
export const calendarFeedCreatedSchema = z.object({
  url: z.string(),
  createdAt: z.string(),
});
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;

export const calendarFeedParams = z.object({ file: z.string().max(200) });
