import type { Locale } from '../../../shared/roles.ts';
import { bookMails } from '../pairs/book.mails.ts';
import { lifecycleMails } from '../pairs/lifecycle.mails.ts';
import { meetingsMails } from '../pairs/meetings.mails.ts';
import { planMails } from '../pairs/plan.mails.ts';
import { signature, type Template } from './mail.parts.ts';

/** Every mail the system sends, in Swedish and English. */
const coreTemplates = {
  magic_link: {
    sv: ({ link, minutes }) => ({
      subject: 'Din inloggningslänk till Bollplank',
      text: `Hej!\n\nKlicka på länken för att logga in. Den gäller i ${minutes} minuter och kan bara användas en gång:\n\n${link}\n\nHar du inte bett om länken kan du bortse från det här meddelandet.${signature.sv}`,
    }),
    en: ({ link, minutes }) => ({
      subject: 'Your sign-in link to Bollplank',
      text: `Hello,\n\nFollow the link to sign in. It is valid for ${minutes} minutes and can be used once:\n\n${link}\n\nIf you did not ask for it, you can ignore this message.${signature.en}`,
    }),
  } satisfies Record<Locale, Template<{ link: string; minutes: number }>>,
  password_reset: {
    sv: ({ link, minutes }) => ({
      subject: 'Välj ett nytt lösenord till Bollplank',
      text: `Hej!\n\nNågon (förhoppningsvis du) har bett om att få byta lösenord. Välj ett nytt via länken, som gäller i ${minutes} minuter:\n\n${link}\n\nHar du inte bett om det kan du bortse från meddelandet; ditt lösenord är oförändrat.${signature.sv}`,
    }),
    en: ({ link, minutes }) => ({
      subject: 'Choose a new password for Bollplank',
      text: `Hello,\n\nSomeone (hopefully you) asked to change your password. Choose a new one with this link, valid for ${minutes} minutes:\n\n${link}\n\nIf you did not ask for it, ignore this message; your password is unchanged.${signature.en}`,
    }),
  } satisfies Record<Locale, Template<{ link: string; minutes: number }>>,
  invitation: {
    sv: ({ link, inviter, network, organisation, roleName, days }) => ({
      subject: `Inbjudan till ${network} i Bollplank`,
      text: `Hej!\n\n${inviter} bjuder in dig till ${network} som ${roleName}${organisation ? ` för ${organisation}` : ''}.\n\nTacka ja via länken. Den gäller i ${days} dagar:\n\n${link}${signature.sv}`,
    }),
    en: ({ link, inviter, network, organisation, roleName, days }) => ({
      subject: `Invitation to ${network} in Bollplank`,
      text: `Hello,\n\n${inviter} invites you to ${network} as ${roleName}${organisation ? ` for ${organisation}` : ''}.\n\nAccept with this link. It is valid for ${days} days:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{
      link: string;
      inviter: string;
      network: string;
      organisation: string | null;
      roleName: string;
      days: number;
    }>
  >,
  application_submitted: {
    sv: ({ programme, roleName, link }) => ({
      subject: `Din ansökan till ${programme} är mottagen`,
      text: `Hej!\n\nTack för din ansökan som ${roleName} till ${programme}. Du får e-post när något händer med den. På sidan för ansökan ser du var den står och vem som ska godkänna den, och där kan du ta tillbaka den:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, roleName, link }) => ({
      subject: `Your application to ${programme} has been received`,
      text: `Hello,\n\nThank you for applying as ${roleName} to ${programme}. You will get an e-mail when something happens to it. The application's page shows where it stands and who is to approve it, and there you can withdraw it:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<{ programme: string; roleName: string; link: string }>>,
  approval_requested: {
    sv: ({ applicant, programme, roleName, approver, description, link, days, reminder }) => ({
      subject: `${reminder ? 'Påminnelse: ' : ''}${applicant} har ansökt till ${programme} – ditt godkännande behövs`,
      text: `Hej!\n\n${applicant} har ansökt som ${roleName} till ${programme}. Programmet ber om godkännande av ${approver}, och du är tillfrågad.${description ? `\n\nOm godkännandet: ${description}` : ''}\n\nLäs sammanfattningen och svara via länken. Den gäller i ${days} dagar. Om du inte godkänner ansökan skriver du varför; den sökande och koordinatorn får läsa det.\n\n${link}${signature.sv}`,
    }),
    en: ({ applicant, programme, roleName, approver, description, link, days, reminder }) => ({
      subject: `${reminder ? 'Reminder: ' : ''}${applicant} has applied to ${programme} – your approval is needed`,
      text: `Hello,\n\n${applicant} has applied as ${roleName} to ${programme}. The programme asks for approval by ${approver}, and you are the one asked.${description ? `\n\nAbout the approval: ${description}` : ''}\n\nRead the summary and answer with this link. It is valid for ${days} days. If you do not approve the application, you say why; the applicant and the coordinator will read it.\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{
      applicant: string;
      programme: string;
      roleName: string;
      /** Who approves, the programme's name for them: a noun phrase ("kommunens ansvariga chef"). */
      approver: string;
      /** What the approver confirms, a whole sentence, if the programme says. */
      description: string | null;
      link: string;
      days: number;
      reminder: boolean;
    }>
  >,
  application_ready: {
    sv: ({ applicant, programme, link }) => ({
      subject: `Ansökan från ${applicant} är klar att granska – ${programme}`,
      text: `Hej!\n\nAlla godkännanden av ansökan från ${applicant} till ${programme} är klara. Nu väntar ansökan på att du beslutar om antagning:\n\n${link}${signature.sv}`,
    }),
    en: ({ applicant, programme, link }) => ({
      subject: `The application from ${applicant} is ready for review – ${programme}`,
      text: `Hello,\n\nEvery approval of the application from ${applicant} to ${programme} is in. The application now waits for your decision on admission:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<{ applicant: string; programme: string; link: string }>>,
  application_decided: {
    sv: ({ programme, outcome, approver, reason, link }) => ({
      subject: `Besked om din ansökan till ${programme}`,
      text: `Hej!\n\n${
        {
          approved: 'Din ansökan är antagen. Programmet hör av sig om nästa steg.',
          declined: approver
            ? `Din ansökan har inte godkänts av ${approver}.`
            : 'Din ansökan har inte godkänts.',
          rejected: 'Din ansökan har tyvärr inte antagits.',
          completion_requested: 'Programmet ber dig komplettera din ansökan.',
        }[outcome]
      }${
        reason
          ? `\n\n${outcome === 'completion_requested' ? 'Det här behöver du komplettera' : 'Motivering'}: ${reason}`
          : ''
      }\n\nSe ansökan här:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, outcome, approver, reason, link }) => ({
      subject: `About your application to ${programme}`,
      text: `Hello,\n\n${
        {
          approved: 'Your application is accepted. The programme will be in touch about the next step.',
          declined: approver
            ? `Your application was not approved by ${approver}.`
            : 'Your application was not approved.',
          rejected: 'Unfortunately your application has not been accepted.',
          completion_requested: 'The programme asks you to complete your application.',
        }[outcome]
      }${reason ? `\n\n${outcome === 'completion_requested' ? 'What to complete' : 'Reason'}: ${reason}` : ''}\n\nSee the application here:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{
      programme: string;
      outcome: 'approved' | 'declined' | 'rejected' | 'completion_requested';
      /** For a declined step: who did not approve, as the programme names them. */
      approver: string | null;
      reason: string | null;
      link: string;
    }>
  >,
  pair_introduced: {
    sv: ({ programme, recipientRole, other, youMakeContact, link }) => ({
      subject: `${recipientRole === 'adept' ? 'Din mentor' : 'Din adept'} i ${programme}: ${other.name}`,
      text: `Hej!\n\nDu och ${other.name} är ett par i ${programme}. ${
        youMakeContact
          ? `Ta kontakt med ${other.name} för ert första samtal, gärna inom en vecka.`
          : `${other.name} hör av sig till dig för ert första samtal.`
      }\n\n${introductionSv(recipientRole, other)}\n\nKänns det inte rätt efter ert första samtal kan du tacka nej. Ange ett skäl; det går bara till koordinatorn, och du får ett nytt förslag. Du ser ${recipientRole === 'adept' ? 'din mentor' : 'din adept'} och kan tacka nej här:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, recipientRole, other, youMakeContact, link }) => ({
      subject: `${recipientRole === 'adept' ? 'Your mentor' : 'Your adept'} in ${programme}: ${other.name}`,
      text: `Hello,\n\nYou and ${other.name} are a pair in ${programme}. ${
        youMakeContact
          ? `Get in touch with ${other.name} for your first conversation, preferably within a week.`
          : `${other.name} will get in touch with you for your first conversation.`
      }\n\n${introductionEn(recipientRole, other)}\n\nIf it does not feel right after your first conversation, you can decline. Give a reason; it goes to the coordinator only, and you will get a new proposal. See ${recipientRole === 'adept' ? 'your mentor' : 'your adept'} and decline here:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{
      programme: string;
      recipientRole: 'adept' | 'mentor';
      other: IntroducedPerson;
      youMakeContact: boolean;
      link: string;
    }>
  >,
  pair_declined: {
    sv: ({ programme, other, recipientRole, link }) => ({
      subject: `${other} har tackat nej – ${programme}`,
      text: `Hej!\n\n${other} har tackat nej till att bli ${recipientRole === 'adept' ? 'din mentor' : 'din adept'} i ${programme}. Det är inget ovanligt: alla par passar inte. ${
        recipientRole === 'adept'
          ? 'Koordinatorn tar fram ett nytt förslag på mentor åt dig.'
          : 'Koordinatorn kan föreslå dig för en annan adept.'
      }\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, other, recipientRole, link }) => ({
      subject: `${other} has declined – ${programme}`,
      text: `Hello,\n\n${other} has declined the pairing in ${programme}. That is nothing unusual: not every pair fits. ${
        recipientRole === 'adept'
          ? 'The coordinator will find you a new mentor.'
          : 'The coordinator may propose you to another adept.'
      }\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{ programme: string; other: string; recipientRole: 'adept' | 'mentor'; link: string }>
  >,
  pair_declined_coordinator: {
    sv: ({ programme, adept, mentor, by, link }) => ({
      subject: `Ett par har tackat nej – ${programme}`,
      text: `Hej!\n\n${by} har tackat nej till paret ${adept} (adept) och ${mentor} (mentor) i ${programme}. Skälet finns på matchningssidan. ${adept} väntar nu på en ny mentor; paret föreslås inte igen.\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, adept, mentor, by, link }) => ({
      subject: `A pair has declined – ${programme}`,
      text: `Hello,\n\n${by} has declined the pair ${adept} (adept) and ${mentor} (mentor) in ${programme}. The reason is on the matching page. ${adept} now waits for a new mentor; the pair will not be proposed again.\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{ programme: string; adept: string; mentor: string; by: string; link: string }>
  >,
};

/** The other party of a pair as an introduction mail presents them. */
export interface IntroducedPerson {
  name: string;
  title: string | null;
  organisation: string;
  email: string;
  phone: string | null;
  level: string | null;
  /** The mentor's competences or the adept's development areas, as a list in words. */
  areas: string;
  /** The mentor's presentation or the adept's goals. */
  about: string;
  meetingPreferences: string;
}

function introductionSv(recipientRole: 'adept' | 'mentor', p: IntroducedPerson): string {
  return [
    `${recipientRole === 'adept' ? 'Din mentor' : 'Din adept'}:`,
    `${p.name}${p.title ? `, ${p.title}` : ''}, ${p.organisation}`,
    p.level ? `Chefsnivå: ${p.level}` : null,
    p.areas ? `${recipientRole === 'adept' ? 'Kompetenser' : 'Vill utveckla'}: ${p.areas}` : null,
    p.about ? `${recipientRole === 'adept' ? 'Om mentorn' : 'Mål'}: ${p.about}` : null,
    p.meetingPreferences ? `Möten: ${p.meetingPreferences}` : null,
    `E-post: ${p.email}`,
    p.phone ? `Telefon: ${p.phone}` : null,
  ]
    .filter((line) => line !== null)
    .join('\n');
}

function introductionEn(recipientRole: 'adept' | 'mentor', p: IntroducedPerson): string {
  return [
    `${recipientRole === 'adept' ? 'Your mentor' : 'Your adept'}:`,
    `${p.name}${p.title ? `, ${p.title}` : ''}, ${p.organisation}`,
    p.level ? `Management level: ${p.level}` : null,
    p.areas ? `${recipientRole === 'adept' ? 'Competences' : 'Wants to develop'}: ${p.areas}` : null,
    p.about ? `${recipientRole === 'adept' ? 'About the mentor' : 'Goals'}: ${p.about}` : null,
    p.meetingPreferences ? `Meetings: ${p.meetingPreferences}` : null,
    `E-mail: ${p.email}`,
    p.phone ? `Phone: ${p.phone}` : null,
  ]
    .filter((line) => line !== null)
    .join('\n');
}

export const levelNames: Record<Locale, Record<string, string>> = {
  sv: { direct: 'chef över medarbetare', indirect: 'chef över chefer', strategic: 'strategisk ledning' },
  en: { direct: 'manager of staff', indirect: 'manager of managers', strategic: 'strategic leadership' },
};

/** Every mail the system sends: intake and matching here, the pair's year in its own module's files. */
export const mailTemplates = {
  ...coreTemplates,
  ...lifecycleMails,
  ...planMails,
  ...meetingsMails,
  ...bookMails,
};

export type MailKind = keyof typeof mailTemplates;

export const roleNames: Record<Locale, Record<string, string>> = {
  sv: {
    network_admin: 'programansvarig',
    org_coordinator: 'organisationskoordinator',
    manager: 'chef',
    mentor: 'mentor',
    adept: 'adept',
  },
  en: {
    network_admin: 'network administrator',
    org_coordinator: 'organisation coordinator',
    manager: 'manager',
    mentor: 'mentor',
    adept: 'adept',
  },
};
