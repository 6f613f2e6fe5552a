import type { Locale } from '../../../shared/roles.ts';
import { signature, type Template } from '../mail/mail.parts.ts';

/**
 * Mails of the pair's year: meetings. Booking, moving and cancelling carry a calendar invitation
 * (REQUEST or CANCEL) that calendar clients act on; the reminder comes the day before.
 */
export interface MeetingMailParams {
  programme: string;
  /** The other party's name. */
  other: string;
  /** Who booked, moved or cancelled it; null for the reminder. */
  by: string | null;
  /** Date and time in Swedish time, formatted for the recipient. */
  when: string;
  minutes: number;
  /** How: "på plats", "video", "telefon", in the recipient's language. */
  mode: string;
  location: string;
  link: string;
}

const details = {
  sv: (p: MeetingMailParams) =>
    `När: ${p.when} (svensk tid), ${p.minutes} minuter\nHur: ${p.mode}\nVar: ${p.location}`,
  en: (p: MeetingMailParams) =>
    `When: ${p.when} (Swedish time), ${p.minutes} minutes\nHow: ${p.mode}\nWhere: ${p.location}`,
};

export const meetingsMails = {
  meeting_booked: {
    sv: (p) => ({
      subject: `Möte med ${p.other} ${p.when}`,
      text: `Hej!\n\n${p.by} har bokat ett möte i ${p.programme}.\n\n${details.sv(p)}\n\nInbjudan är bifogad: öppna den för att lägga in mötet i din kalender. Ni kan flytta eller ställa in mötet i Bollplank:\n\n${p.link}${signature.sv}`,
    }),
    en: (p) => ({
      subject: `Meeting with ${p.other} ${p.when}`,
      text: `Hello,\n\n${p.by} has booked a meeting in ${p.programme}.\n\n${details.en(p)}\n\nThe invitation is attached: open it to add the meeting to your calendar. You can move or cancel the meeting in Bollplank:\n\n${p.link}${signature.en}`,
    }),
  },
  meeting_changed: {
    sv: (p) => ({
      subject: `Ändrat möte med ${p.other}: ${p.when}`,
      text: `Hej!\n\n${p.by} har ändrat ert möte i ${p.programme}. Så här gäller nu:\n\n${details.sv(p)}\n\nDen bifogade inbjudan uppdaterar mötet i din kalender.\n\n${p.link}${signature.sv}`,
    }),
    en: (p) => ({
      subject: `Meeting with ${p.other} changed: ${p.when}`,
      text: `Hello,\n\n${p.by} has changed your meeting in ${p.programme}. This is what now applies:\n\n${details.en(p)}\n\nThe attached invitation updates the meeting in your calendar.\n\n${p.link}${signature.en}`,
    }),
  },
  meeting_cancelled: {
    sv: (p) => ({
      subject: `Inställt möte med ${p.other} ${p.when}`,
      text: `Hej!\n\n${p.by} har ställt in ert möte ${p.when} i ${p.programme}. Den bifogade filen tar bort mötet ur din kalender.\n\nBoka ett nytt möte i Bollplank:\n\n${p.link}${signature.sv}`,
    }),
    en: (p) => ({
      subject: `Meeting with ${p.other} cancelled: ${p.when}`,
      text: `Hello,\n\n${p.by} has cancelled your meeting of ${p.when} in ${p.programme}. The attached file removes it from your calendar.\n\nBook a new meeting in Bollplank:\n\n${p.link}${signature.en}`,
    }),
  },
  meeting_reminder: {
    sv: (p) => ({
      subject: `Påminnelse: möte med ${p.other} i morgon`,
      text: `Hej!\n\nI morgon har du möte med ${p.other} i ${p.programme}.\n\n${details.sv(p)}\n\nKan ni inte ses? Flytta eller ställ in mötet i Bollplank, så får ${p.other} veta det:\n\n${p.link}${signature.sv}`,
    }),
    en: (p) => ({
      subject: `Reminder: meeting with ${p.other} tomorrow`,
      text: `Hello,\n\nTomorrow you meet ${p.other} in ${p.programme}.\n\n${details.en(p)}\n\nCannot make it? Move or cancel the meeting in Bollplank, and ${p.other} will be told:\n\n${p.link}${signature.en}`,
    }),
  },
} satisfies Record<string, Record<Locale, Template<MeetingMailParams>>>;
