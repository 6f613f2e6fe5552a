import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../../test/support.ts';
import { createMailer } from './mail.service.ts';

const log = pino({ level: 'silent' });

describe.each(dialects)('the outbox on %s', (dialect) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
  });
  afterAll(() => testDb.drop());

  const recordingTransport = (sent: string[]) => ({
    async sendMail(message: { to?: unknown }) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      sent.push(String(message.to));
      return {};
    },
  });

  it('keeps mail without SMTP, in Swedish or English, for the sent-mail page', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'x@example.org' });
    for (const locale of ['sv', 'en'] as const) {
      await mailer.enqueue(testDb.db, {
        kind: 'magic_link',
        to: `${locale}@example.org`,
        locale,
        networkId: null,
        params: { link: 'http://localhost/auth/magic?token=abc', minutes: 15 },
      });
    }
    const rows = await testDb.db.selectFrom('outbox').selectAll().orderBy('to_email').execute();
    expect(rows.map((r) => [r.to_email, r.status, r.subject])).toEqual([
      ['en@example.org', 'stored', 'Your sign-in link to Bollplank'],
      ['sv@example.org', 'stored', 'Din inloggningslänk till Bollplank'],
    ]);
    expect(await mailer.deliverPending(testDb.db, log)).toBe(0);
  });

  it('sends each pending message exactly once when two instances deliver at the same time', async () => {
    const sent: string[] = [];
    const first = createMailer({
      smtpUrl: undefined,
      from: 'x@example.org',
      transport: recordingTransport(sent),
    });
    const second = createMailer({
      smtpUrl: undefined,
      from: 'x@example.org',
      transport: recordingTransport(sent),
    });
    for (let i = 0; i < 20; i++) {
      await first.enqueue(testDb.db, {
        kind: 'password_reset',
        to: `person${i}@example.org`,
        locale: 'sv',
        networkId: null,
        params: { link: 'http://localhost/auth/reset?token=abc', minutes: 60 },
      });
    }
    const [a, b] = await Promise.all([
      first.deliverPending(testDb.db, log),
      second.deliverPending(testDb.db, log),
    ]);
    expect(a + b).toBe(20);
    expect(new Set(sent).size).toBe(20);
    expect(sent).toHaveLength(20);
    const pending = await testDb.db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(0);
  });

  it('retries a failing message later, with growing waits, and gives up after five attempts', async () => {
    const failing = createMailer({
      smtpUrl: undefined,
      from: 'x@example.org',
      transport: {
        sendMail: async () => {
          throw new Error('connection refused');
        },
      },
    });
    await failing.enqueue(testDb.db, {
      kind: 'magic_link',
      to: 'unlucky@example.org',
      locale: 'sv',
      networkId: null,
      params: { link: 'http://localhost/x', minutes: 15 },
    });
    const load = () =>
      testDb.db
        .selectFrom('outbox')
        .selectAll()
        .where('to_email', '=', 'unlucky@example.org')
        .executeTakeFirstOrThrow();
    await failing.deliverPending(testDb.db, log);
    const afterFirst = await load();
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(afterFirst.locked_until!)).toBeGreaterThan(Date.now() + 60_000);
    // Not tried again before its time.
    await failing.deliverPending(testDb.db, log);
    expect((await load()).attempts).toBe(1);
    for (let i = 0; i < 4; i++) {
      await testDb.db
        .updateTable('outbox')
        .set({ locked_until: '2000-01-01T00:00:00.000Z' })
        .where('id', '=', afterFirst.id)
        .execute();
      await failing.deliverPending(testDb.db, log);
    }
    const row = await load();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(5);
    expect(row.last_error).toContain('connection refused');
  });
});
