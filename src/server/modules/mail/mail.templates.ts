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
