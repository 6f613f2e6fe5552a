import type { Locale } from '../../../shared/roles.ts';
import { signature, type Template } from '../mail/mail.parts.ts';

/**
 * Mails of the pair's year: the process plan. A reminder before a milestone's deadline and one after
 * it, the cadence watch (no meeting for too long), and the coordinator's alert of a low check-in.
 * Never a word of the mentor book or of a check-in's text.
 */
export interface MilestoneMailParams {
  programme: string;
  /** The milestone's title in the recipient's language. */
  milestone: string;
  /** The deadline formatted for the recipient, or null when it is tied to a meeting. */
  due: string | null;
  link: string;
}

export interface CadenceMailParams {
  programme: string;
  other: string;
  weeks: number;
  /** The latest held meeting, formatted; null when none is logged. */
  lastMeeting: string | null;
  link: string;
}

export interface CheckinLowParams {
  programme: string;
  adept: string;
  mentor: string;
  /** "adepten" / "the adept", who answered. */
  who: string;
  rating: number;
  /** Whether the answer has a text marked for the coordinator (read in Bollplank). */
  hasText: boolean;
  link: string;
}

export const planMails = {
  plan_due_soon: {
    sv: (p: MilestoneMailParams) => ({
      subject: `Snart dags: ${p.milestone}`,
      text: `Hej!\n\nEnligt processplanen i ${p.programme} är det snart dags för:\n\n${p.milestone}\n\n${p.due ? `Senast ${p.due}.` : 'Det hör till ert nästa möte.'} När det är gjort bockar ni av det i Bollplank:\n\n${p.link}${signature.sv}`,
    }),
    en: (p: MilestoneMailParams) => ({
      subject: `Coming up: ${p.milestone}`,
      text: `Hello,\n\nAccording to the process plan of ${p.programme}, this is coming up:\n\n${p.milestone}\n\n${p.due ? `By ${p.due}.` : 'It belongs to your next meeting.'} Once it is done, tick it off in Bollplank:\n\n${p.link}${signature.en}`,
    }),
  },
  plan_overdue: {
    sv: (p: MilestoneMailParams) => ({
      subject: `Försenat: ${p.milestone}`,
      text: `Hej!\n\nI processplanen för ${p.programme} är detta inte avbockat${p.due ? ` fast det skulle vara klart ${p.due}` : ''}:\n\n${p.milestone}\n\nHar ni redan gjort det? Bocka av det i Bollplank. Behöver ni hjälp eller mer tid, hör av er till koordinatorn.\n\n${p.link}${signature.sv}`,
    }),
    en: (p: MilestoneMailParams) => ({
      subject: `Overdue: ${p.milestone}`,
      text: `Hello,\n\nIn the process plan of ${p.programme} this is not ticked off${p.due ? ` although it was due ${p.due}` : ''}:\n\n${p.milestone}\n\nAlready done? Tick it off in Bollplank. If you need help or more time, contact the coordinator.\n\n${p.link}${signature.en}`,
    }),
  },
  plan_cadence: {
    sv: (p: CadenceMailParams) => ({
      subject: `Dags att träffa ${p.other}?`,
      text: `Hej!\n\nI ${p.programme} ses ni minst var ${p.weeks}:e vecka. ${p.lastMeeting ? `Ert senaste möte var ${p.lastMeeting}.` : 'Ni har inte loggat något möte än.'}\n\nBoka nästa möte i Bollplank, eller markera ett möte ni redan haft som hållet:\n\n${p.link}${signature.sv}`,
    }),
    en: (p: CadenceMailParams) => ({
      subject: `Time to meet ${p.other}?`,
      text: `Hello,\n\nIn ${p.programme} you meet at least every ${p.weeks} weeks. ${p.lastMeeting ? `Your latest meeting was on ${p.lastMeeting}.` : 'You have not logged a meeting yet.'}\n\nBook your next meeting in Bollplank, or mark a meeting you have had as held:\n\n${p.link}${signature.en}`,
    }),
  },
  plan_checkin_low: {
    sv: (p: CheckinLowParams) => ({
      subject: `Avstämning: ${p.adept} och ${p.mentor} behöver kanske stöd`,
      text: `Hej!\n\nVid avstämningen efter tredje mötet i ${p.programme} svarade ${p.who} ${p.rating} av 5 på frågan hur det fungerar (paret ${p.adept} och ${p.mentor}).${p.hasText ? ' Svaret har en kommentar till dig; du läser den i Bollplank.' : ''}\n\nHör gärna av dig till paret:\n\n${p.link}${signature.sv}`,
    }),
    en: (p: CheckinLowParams) => ({
      subject: `Check-in: ${p.adept} and ${p.mentor} may need support`,
      text: `Hello,\n\nAt the check-in after the third meeting in ${p.programme}, ${p.who} answered ${p.rating} out of 5 to how it is working (the pair ${p.adept} and ${p.mentor}).${p.hasText ? ' The answer has a comment for you; read it in Bollplank.' : ''}\n\nConsider getting in touch with the pair:\n\n${p.link}${signature.en}`,
    }),
  },
} satisfies Record<string, Record<Locale, Template<never>>>;
