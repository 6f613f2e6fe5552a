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
