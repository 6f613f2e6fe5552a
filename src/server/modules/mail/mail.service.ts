import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Locale } from '../../../shared/roles.ts';
import { type Clock, systemClock } from '../../clock.ts';
import type { Queryable } from '../../db/connection.ts';
import { newId } from '../../util.ts';
import { type MailKind, mailTemplates } from './mail.templates.ts';
import * as outbox from './outbox.repository.ts';

type TemplateParams<K extends MailKind> = Parameters<(typeof mailTemplates)[K]['sv']>[0];

export interface Mail<K extends MailKind = MailKind> {
  kind: K;
  to: string;
  locale: Locale;
  networkId: string | null;
  params: TemplateParams<K>;
  /** A calendar invitation (iCalendar text) sent with the mail, as calendar clients expect it. */
  calendar?: MailCalendar;
}

export interface MailCalendar {
  method: 'REQUEST' | 'CANCEL';
  filename: string;
  content: string;
}

export interface Mailer {
  /** Queues a mail in the outbox, inside the caller's transaction, so it is sent only if the work commits. */
  enqueue<K extends MailKind>(db: Queryable, mail: Mail<K>): Promise<void>;
  /** Queues many mails of one kind in a few statements (bulk imports). */
  enqueueMany<K extends MailKind>(db: Queryable, mails: readonly Mail<K>[]): Promise<void>;
  /** Sends what is pending; returns how many were sent. Does nothing without SMTP. */
  deliverPending(db: Queryable, log: FastifyBaseLogger): Promise<number>;
  readonly delivers: boolean;
}

/** Tries before a message is marked failed; waits double each time from two minutes. */
const maxAttempts = 5;

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  /** A ready transport instead of SMTP_URL (tests, or another nodemailer transport). */
  transport?: Pick<Transporter, 'sendMail'>;
  /** What mails are dated by and retried on: the server's clock (the system clock when left out). */
  clock?: Clock;
}

export function createMailer(options: MailerOptions): Mailer {
  const transport =
    options.transport ?? (options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null);
  const clock = options.clock ?? systemClock;
  function render<K extends MailKind>(mail: Mail<K>): outbox.OutboxRow {
    const template = mailTemplates[mail.kind][mail.locale] as (p: TemplateParams<K>) => {
      subject: string;
      text: string;
    };
    const { subject, text } = template(mail.params);
    return {
      id: newId(),
      network_id: mail.networkId,
      kind: mail.kind,
      to_email: mail.to,
      subject,
      body_text: text,
      locale: mail.locale,
      // Without a mail server the message is kept for administrators to read on the sent-mail page.
      status: transport ? 'pending' : 'stored',
      attempts: 0,
      last_error: null,
      locked_until: null,
      created_at: clock.now().toISOString(),
      sent_at: null,
      calendar: mail.calendar ? JSON.stringify(mail.calendar) : null,
    };
  }
  return {
    delivers: transport !== null,
    async enqueue(db, mail) {
      await outbox.insertMessages(db, [render(mail)]);
    },
    async enqueueMany(db, mails) {
      await outbox.insertMessages(db, mails.map(render));
    },
    async deliverPending(db, log) {
      if (!transport) return 0;
      let sent = 0;
      for (;;) {
        const message = await outbox.claimNextPending(db, clock.now(), 60_000);
        if (!message) return sent;
        try {
          await transport.sendMail({
            from: options.from,
            to: message.to_email,
            subject: message.subject,
            text: message.body_text,
            // nodemailer sends it as a text/calendar part with METHOD, which Outlook, Google and Apple act on.
            ...(message.calendar ? { icalEvent: JSON.parse(message.calendar) as MailCalendar } : {}),
          });
          await outbox.markSent(db, message.id, clock.now().toISOString());
          sent++;
        } catch (error) {
          const attempts = message.attempts + 1;
          log.warn({ err: error, outboxId: message.id, attempts }, 'mail delivery failed');
          const retryAt =
            attempts >= maxAttempts
              ? null
              : new Date(clock.now().getTime() + 2 ** attempts * 60_000).toISOString();
          await outbox.markFailedAttempt(db, message.id, attempts, String(error), retryAt);
        }
      }
    },
  };
}
