import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase, testDeps } from '../../../test/support.ts';
import { recreateDemo, seedDemoIfEmpty } from './seed.ts';

describe.each(dialects)('the demo network on %s', (dialect) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
  });
  afterAll(() => testDb.drop());

  const deps = () => testDeps(testDb.db);
  const statuses = async () =>
    (await testDb.db.selectFrom('applications').select('status').execute()).map((a) => a.status).sort();

  it('is created on an empty database with one programme per template and applications in every state', async () => {
    const demo = await seedDemoIfEmpty(deps());
    expect(demo?.accounts.map((a) => a.email)).toContain('admin@demo.bollplank.se');
    const templates = await testDb.db.selectFrom('programmes').select('template_key').execute();
    expect(templates.map((t) => t.template_key).sort()).toEqual([
      'agency_cohort',
      'municipal_individual',
      'police_pool',
      'union_branch',
    ]);
    // Lena in the pool, the cohort round's fourteen adepts and mentors, and the ten people of the
    // five municipalities' pairs are admitted.
    expect(await statuses()).toEqual([
      ...Array.from({ length: 25 }, () => 'approved'),
      'awaiting_approval',
      'awaiting_approval',
      'pending_review',
    ]);
    const located = await testDb.db
      .selectFrom('organisations')
      .select(['name', 'latitude', 'longitude'])
      .where('name', '=', 'Enköpings kommun')
      .executeTakeFirstOrThrow();
    expect(located).toMatchObject({ latitude: 59.636, longitude: 17.078 });
    // The manager without an account has an approval link waiting in the outbox.
    const links = await testDb.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_email', '=', 'kim.chef@example.org')
      .execute();
    expect(links[0]?.body_text).toContain('/approvals/respond?token=');
    // Pairs at several points of their year, so that every page of the pair's year has something to show.
    const pairs = await testDb.db.selectFrom('pairs').select('status').execute();
    expect(pairs.map((p) => p.status).sort()).toEqual([
      'active',
      'active',
      'closed',
      'ending',
      'first_meeting_held',
      'introduced',
    ]);
    const held = await testDb.db
      .selectFrom('meetings')
      .select('id')
      .where('held_at', 'is not', null)
      .execute();
    expect(held.length).toBeGreaterThan(20);
    // The past's mails are not in the outbox: only today's reminders and flags.
    const mails = await testDb.db.selectFrom('outbox').select('kind').execute();
    expect(mails.filter((m) => m.kind === 'meeting_booked')).toHaveLength(0);
  });

  it('is left alone when the database has a network, and recreated on request', async () => {
    const again = await seedDemoIfEmpty(deps());
    expect(again?.networkName).toBeDefined();
    expect(await statuses()).toHaveLength(28);
    await recreateDemo(deps());
    expect(await statuses()).toHaveLength(28);
    expect(await testDb.db.selectFrom('networks').select('id').execute()).toHaveLength(1);
  });
});
