import type { Locale } from '../../../shared/roles.ts';
import { signature, type Template } from '../mail/mail.parts.ts';

/**
 * Mails of the pair's year: lifecycle. A change of mentor's reason never goes into a mail: the
 * coordinator reads it in the app, and the other party never sees it.
 */

type Party = { programme: string; other: string; link: string };
type Coordinator = { programme: string; adept: string; mentor: string; link: string };

const roleName = {
  sv: { adept: 'adepten', mentor: 'mentorn' },
  en: { adept: 'the adept', mentor: 'the mentor' },
};

export const lifecycleMails = {
  pair_active: {
    sv: ({ programme, other, link, plannedEndOn }) => ({
      subject: `Ert mentorskap har börjat – ${programme}`,
      text: `Hej!\n\nDu och ${other} har båda sagt ja och skrivit under. Nu har ert mentorskap i ${programme} börjat${plannedEndOn ? `, och det pågår till och med ${plannedEndOn}` : ''}.\n\nPå parets sida ser du vad som är nästa steg:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, other, link, plannedEndOn }) => ({
      subject: `Your mentorship has started – ${programme}`,
      text: `Hello,\n\nYou and ${other} have both accepted and signed. Your mentorship in ${programme} has now started${plannedEndOn ? ` and runs until ${plannedEndOn}` : ''}.\n\nThe pair's page shows what comes next:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<Party & { plannedEndOn: string | null }>>,
  pair_ending: {
    sv: ({ programme, other, link, plannedEndOn }) => ({
      subject: `Dags att planera avslutningssamtalet – ${programme}`,
      text: `Hej!\n\nMentorskapet med ${other} slutar enligt planen ${plannedEndOn}. Boka ett avslutningssamtal där ni ser tillbaka på året och avslutar medvetet och tydligt. Mentorn ansvarar för att det blir av.\n\nNär samtalet är hållet markerar ni det på parets sida. Vill ni båda fortsätta kan ni be om en förlängning där:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, other, link, plannedEndOn }) => ({
      subject: `Time to plan the closing conversation – ${programme}`,
      text: `Hello,\n\nThe mentorship with ${other} is planned to end on ${plannedEndOn}. Book a closing conversation to look back on the year and end it consciously and clearly. The mentor makes sure it happens.\n\nWhen it has been held, record it on the pair's page. If you both want to go on, you can ask for an extension there:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<Party & { plannedEndOn: string }>>,
  pair_change_requested: {
    sv: ({ programme, adept, mentor, link }) => ({
      subject: `Önskemål om byte av mentor – ${programme}`,
      text: `Hej!\n\nI paret ${adept} (adept) och ${mentor} (mentor) har en av dem bett om byte av mentor. Skälet läser du på parets sida, där du också avslutar paret för en ny matchning eller svarar nej:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, adept, mentor, link }) => ({
      subject: `A change of mentor is requested – ${programme}`,
      text: `Hello,\n\nIn the pair ${adept} (adept) and ${mentor} (mentor), one of them has asked for a change of mentor. Read the reason on the pair's page, where you can also end the pair for a new match or say no:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<Coordinator>>,
  pair_extension_requested: {
    sv: ({ programme, other, link, months }) => ({
      subject: `${other} vill förlänga ert mentorskap – ${programme}`,
      text: `Hej!\n\n${other} vill förlänga ert mentorskap med ${months} månader. För att programansvarig ska kunna godkänna det behöver ni båda be om det. Håller du med gör du det på parets sida:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, other, link, months }) => ({
      subject: `${other} wants to extend your mentorship – ${programme}`,
      text: `Hello,\n\n${other} wants to extend your mentorship by ${months} months. You both need to ask before it can be approved. If you agree, say so on the pair's page:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<Party & { months: number }>>,
  pair_extension_to_decide: {
    sv: ({ programme, adept, mentor, link, months }) => ({
      subject: `Förlängning att ta ställning till – ${programme}`,
      text: `Hej!\n\n${adept} (adept) och ${mentor} (mentor) ber båda om att förlänga sitt mentorskap med ${months} månader. Godkänn eller avslå med ett skäl på parets sida:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, adept, mentor, link, months }) => ({
      subject: `An extension to decide – ${programme}`,
      text: `Hello,\n\n${adept} (adept) and ${mentor} (mentor) both ask to extend their mentorship by ${months} months. Approve or decline it with a reason on the pair's page:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<Coordinator & { months: number }>>,
  pair_extension_decided: {
    sv: ({ programme, link, months, approved, reason, plannedEndOn }) => ({
      subject: `${approved ? 'Förlängningen är godkänd' : 'Förlängningen är avslagen'} – ${programme}`,
      text: `Hej!\n\n${approved ? `Ert mentorskap är förlängt med ${months} månader och pågår nu till och med ${plannedEndOn}.` : `Er begäran om att förlänga mentorskapet med ${months} månader är avslagen.`}\n\nSkäl: ${reason}\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, link, months, approved, reason, plannedEndOn }) => ({
      subject: `${approved ? 'The extension is approved' : 'The extension is declined'} – ${programme}`,
      text: `Hello,\n\n${approved ? `Your mentorship is extended by ${months} months and now runs until ${plannedEndOn}.` : `Your request to extend the mentorship by ${months} months is declined.`}\n\nReason: ${reason}\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{
      programme: string;
      link: string;
      months: number;
      approved: boolean;
      reason: string;
      plannedEndOn: string | null;
    }>
  >,
  pair_change_declined: {
    sv: ({ programme, link, reason }) => ({
      subject: `Svar på ditt önskemål om byte av mentor – ${programme}`,
      text: `Hej!\n\nProgramansvarig har inte gjort något byte av mentor just nu.\n\nSkäl: ${reason}\n\nHör gärna av dig till programansvarig om du vill prata om det.\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, link, reason }) => ({
      subject: `About your request for a change of mentor – ${programme}`,
      text: `Hello,\n\nThe programme has not changed your mentor for now.\n\nReason: ${reason}\n\nFeel free to contact the programme if you want to talk about it.\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<{ programme: string; link: string; reason: string }>>,
  pair_rematched: {
    sv: ({ programme, other, link, recipientRole }) => ({
      subject: `Ert mentorskap är avslutat för ett byte av mentor – ${programme}`,
      text: `Hej!\n\nProgramansvarig har avslutat mentorskapet mellan dig och ${other} för att göra ett byte av mentor. ${recipientRole === 'adept' ? 'Du får ett förslag på en ny mentor så snart det finns ett.' : 'Tack för din tid som mentor i paret.'} Det ni skrivit finns kvar för er att läsa.\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, other, link, recipientRole }) => ({
      subject: `Your mentorship has ended for a change of mentor – ${programme}`,
      text: `Hello,\n\nThe programme has ended the mentorship between you and ${other} to change mentor. ${recipientRole === 'adept' ? 'You will get a new mentor proposed as soon as there is one.' : 'Thank you for your time as a mentor in the pair.'} What you wrote is still there for you to read.\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<Party & { recipientRole: 'adept' | 'mentor' }>>,
  pair_cancelled: {
    sv: ({ programme, other, link, reason }) => ({
      subject: `Ert mentorskap är avbrutet – ${programme}`,
      text: `Hej!\n\nProgramansvarig har avbrutit mentorskapet mellan dig och ${other}.\n\nSkäl: ${reason}\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, other, link, reason }) => ({
      subject: `Your mentorship has been cancelled – ${programme}`,
      text: `Hello,\n\nThe programme has cancelled the mentorship between you and ${other}.\n\nReason: ${reason}\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<Party & { reason: string }>>,
  pair_closed: {
    sv: ({ programme, other, link, by }) => ({
      subject: `Ert mentorskap är avslutat – ${programme}`,
      text: `Hej!\n\n${by} har markerat att avslutningssamtalet är hållet, och mentorskapet med ${other} är därmed avslutat. Tack!\n\nMentorboken finns kvar för er att läsa och ladda ner på parets sida:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, other, link, by }) => ({
      subject: `Your mentorship has ended – ${programme}`,
      text: `Hello,\n\n${by} has recorded that the closing conversation was held, so the mentorship with ${other} has ended. Thank you!\n\nThe mentor book stays for you to read and download on the pair's page:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<Party & { by: string }>>,
  advisor_contact: {
    sv: ({ programme, from, fromEmail, fromRole, message, link }) => ({
      subject: `${from} vill ha kontakt med dig som rådgivare – ${programme}`,
      text: `Hej!\n\nDu är rådgivare i ${programme}. ${from} (${roleName.sv[fromRole]} i ett par) vill ha kontakt med dig och skriver:\n\n${message}\n\nSvara direkt till ${fromEmail}. Parets uppgifter (inte deras anteckningar) ser du här:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, from, fromEmail, fromRole, message, link }) => ({
      subject: `${from} would like to contact you as an advisor – ${programme}`,
      text: `Hello,\n\nYou are an advisor in ${programme}. ${from} (${roleName.en[fromRole]} in a pair) would like to be in touch and writes:\n\n${message}\n\nReply directly to ${fromEmail}. The pair's details (not their notes) are here:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{
      programme: string;
      from: string;
      fromEmail: string;
      fromRole: 'adept' | 'mentor';
      message: string;
      link: string;
    }>
  >,
};
