import type { Locale } from '../../../shared/roles.ts';
import { signature, type Template } from '../mail/mail.parts.ts';

/**
 * Mails of the pair's year: the mentor book. A mail is not encrypted, so none of them carries a word
 * of the book's content: they say that something happened and link to where it can be read.
 */
export interface BookSharedParams {
  programme: string;
  adept: string;
  mentor: string;
  /** Who shared it: the adept's or the mentor's name. */
  by: string;
  link: string;
}

export const bookMails = {
  book_shared_with_coordinator: {
    sv: (p) => ({
      subject: `${p.by} har delat något ur mentorboken med dig`,
      text: `Hej!\n\n${p.by} har delat en sak ur mentorboken med koordinatorn, i paret ${p.adept} (adept) och ${p.mentor} (mentor) i ${p.programme}.\n\nDu kan läsa det på parets sida. Att du läser det sparas i loggen. Inget annat i mentorboken syns för dig.\n\n${p.link}${signature.sv}`,
    }),
    en: (p) => ({
      subject: `${p.by} has shared something from the mentor book with you`,
      text: `Hello,\n\n${p.by} has shared an item of the mentor book with the coordinator, in the pair ${p.adept} (adept) and ${p.mentor} (mentor) in ${p.programme}.\n\nYou can read it on the pair's page. Your reading is logged. Nothing else in the mentor book is visible to you.\n\n${p.link}${signature.en}`,
    }),
  },
} satisfies Record<string, Record<Locale, Template<BookSharedParams>>>;
