import type { Locale } from '../../../shared/roles.ts';

/** Every mail the system sends, in Swedish and English. */
type Template<P> = (p: P) => { subject: string; text: string };

const signature = { sv: '\n\nVänliga hälsningar\nBollplank', en: '\n\nKind regards\nBollplank' };

export const mailTemplates = {
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
      text: `Hej!\n\n${inviter} bjuder in dig som ${roleName}${organisation ? ` för ${organisation}` : ''} i ${network}s mentorprogram.\n\nTacka ja via länken (gäller i ${days} dagar):\n\n${link}${signature.sv}`,
    }),
    en: ({ link, inviter, network, organisation, roleName, days }) => ({
      subject: `Invitation to ${network} in Bollplank`,
      text: `Hello,\n\n${inviter} invites you as ${roleName}${organisation ? ` for ${organisation}` : ''} in the mentor programmes of ${network}.\n\nAccept with this link (valid for ${days} days):\n\n${link}${signature.en}`,
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
      text: `Hej!\n\nTack för din ansökan som ${roleName} till ${programme}. Du kan följa var ansökan står, vem som ska godkänna den och ändra eller återkalla den här:\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, roleName, link }) => ({
      subject: `Your application to ${programme} has been received`,
      text: `Hello,\n\nThank you for applying as ${roleName} to ${programme}. You can follow where your application stands, who is to approve it, and change or withdraw it here:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<{ programme: string; roleName: string; link: string }>>,
  approval_requested: {
    sv: ({ applicant, programme, roleName, step, link, days, reminder }) => ({
      subject: `${reminder ? 'Påminnelse: ' : ''}${applicant} ansöker till ${programme} – ditt godkännande behövs`,
      text: `Hej!\n\n${applicant} har ansökt som ${roleName} till ${programme} och programmet ber om ditt godkännande (${step}).\n\nLäs sammanfattningen och godkänn eller avslå via länken, som gäller i ${days} dagar:\n\n${link}${signature.sv}`,
    }),
    en: ({ applicant, programme, roleName, step, link, days, reminder }) => ({
      subject: `${reminder ? 'Reminder: ' : ''}${applicant} applies to ${programme} – your approval is needed`,
      text: `Hello,\n\n${applicant} has applied as ${roleName} to ${programme} and the programme asks for your approval (${step}).\n\nRead the summary and approve or decline with this link, valid for ${days} days:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{
      applicant: string;
      programme: string;
      roleName: string;
      step: string;
      link: string;
      days: number;
      reminder: boolean;
    }>
  >,
  application_ready: {
    sv: ({ applicant, programme, link }) => ({
      subject: `${applicant} är godkänd av chef/HR – ${programme}`,
      text: `Hej!\n\nAlla godkännanden för ${applicant}s ansökan till ${programme} är klara. Ansökan väntar på din granskning:\n\n${link}${signature.sv}`,
    }),
    en: ({ applicant, programme, link }) => ({
      subject: `${applicant} is approved by manager/HR – ${programme}`,
      text: `Hello,\n\nAll approvals of ${applicant}’s application to ${programme} are in. The application awaits your review:\n\n${link}${signature.en}`,
    }),
  } satisfies Record<Locale, Template<{ applicant: string; programme: string; link: string }>>,
  application_decided: {
    sv: ({ programme, outcome, reason, link }) => ({
      subject: `Besked om din ansökan till ${programme}`,
      text: `Hej!\n\n${
        {
          approved: 'Din ansökan är godkänd. Programmet hör av sig om nästa steg.',
          declined: 'Din ansökan har inte godkänts av den som skulle godkänna den.',
          rejected: 'Din ansökan har tyvärr inte antagits.',
          completion_requested: 'Programmet ber dig komplettera din ansökan.',
        }[outcome]
      }${reason ? `\n\nMotivering: ${reason}` : ''}\n\n${link}${signature.sv}`,
    }),
    en: ({ programme, outcome, reason, link }) => ({
      subject: `About your application to ${programme}`,
      text: `Hello,\n\n${
        {
          approved: 'Your application is approved. The programme will be in touch about the next step.',
          declined: 'Your application was not approved by the person asked to approve it.',
          rejected: 'Unfortunately your application has not been accepted.',
          completion_requested: 'The programme asks you to complete your application.',
        }[outcome]
      }${reason ? `\n\nReason: ${reason}` : ''}\n\n${link}${signature.en}`,
    }),
  } satisfies Record<
    Locale,
    Template<{
      programme: string;
      outcome: 'approved' | 'declined' | 'rejected' | 'completion_requested';
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
      text: `Hej!\n\n${other} har tackat nej till att bli ${recipientRole === 'adept' ? 'din mentor' : 'mentor för dig'} i ${programme}. Det är inget ovanligt: alla par passar inte. ${
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
