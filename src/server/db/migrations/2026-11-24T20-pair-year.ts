import type { Kysely } from 'kysely';

// Frozen in time: never import application code here. The pair's year: the dates that drive its
// process plan, agreements and signatures, the mentor book (encrypted), meetings, the checklist and
// the reminders already sent, the check-in, requests (change of mentor, extension), advisors,
// personal calendar feeds, evaluations opened at closing, and calendar invitations in the outbox.

export async function up(db: Kysely<any>): Promise<void> {
  // Dates are calendar dates in Sweden (YYYY-MM-DD); instants are ISO timestamps in UTC.
  for (const [column, type] of [
    // The date the process plan counts from: the day the pair was introduced.
    ['plan_starts_on', 'text'],
    // When both had accepted and signed, and the pair became active.
    ['active_since', 'text'],
    // The planned end: start + the programme's months + approved extensions.
    ['planned_end_on', 'text'],
    ['closed_at', 'text'],
    // The pair's data key for mentor-book content, wrapped by a key from MENTOR_BOOK_KEYS; null once shredded.
    ['data_key', 'text'],
    // When what remained of the mentor book was cleared (by the pair, or by the retention rule).
    ['content_cleared_at', 'text'],
  ] as const) {
    await db.schema.alterTable('pairs').addColumn(column, type).execute();
  }
  await db.schema
    .alterTable('pairs')
    .addColumn('extension_months', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // What a transition carries besides its reason, as JSON (an extension's months, a request's id).
  await db.schema.alterTable('pair_events').addColumn('detail', 'text').execute();

  // The collaboration contract's answers and the texts the pair signs. One row per pair and kind;
  // `content` is encrypted with the pair's data key (the contract's answers are the pair's own).
  await db.schema
    .createTable('pair_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    // contract, confidentiality
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    // sha256 of the exact text both sign (template text + answers); a change voids earlier signatures.
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pair_agreements_pair_kind')
    .on('pair_agreements')
    .columns(['pair_id', 'kind'])
    .unique()
    .execute();

  // Acceptances and signatures: who, as whom, with which name, of which version of the text, when.
  await db.schema
    .createTable('pair_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    // acceptance, contract, confidentiality
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('signed_name', 'text', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pair_signatures_once')
    .on('pair_signatures')
    .columns(['pair_id', 'kind', 'role', 'text_version'])
    .unique()
    .execute();

  // The mentor book. Only metadata is in the clear; `content` is encrypted with the pair's data key
  // and bound to its row. Items are shared between the two or private to their author.
  await db.schema
    .createTable('book_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    // goal, action, meeting_log, progress, reflection, homework, reading_note
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('author_role', 'text', (c) => c.notNull())
    // shared, private
    .addColumn('visibility', 'text', (c) => c.notNull())
    // The goal an action step or a progress rating belongs to.
    .addColumn('goal_id', 'text', (c) => c.references('book_items.id').onDelete('cascade'))
    // The meeting a meeting log is about.
    .addColumn('meeting_id', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    // Shared with the coordinator on purpose by the pair; null when not.
    .addColumn('coordinator_shared_at', 'text')
    .addColumn('coordinator_shared_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('book_items_pair').on('book_items').columns(['pair_id', 'kind']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    // The iCalendar UID, stable across updates and the cancellation.
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    // iCalendar SEQUENCE: raised on every change sent to calendars.
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    // in_person, video, phone
    .addColumn('mode', 'text', (c) => c.notNull())
    // A place or a link.
    .addColumn('location', 'text', (c) => c.notNull())
    // planned, cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('meetings_pair').on('meetings').columns(['pair_id', 'starts_at']).execute();

  // The pair's checklist: milestones marked done (the plan itself is the programme's).
  await db.schema
    .createTable('pair_milestones')
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('milestone_key', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addPrimaryKeyConstraint('pair_milestones_pk', ['pair_id', 'milestone_key'])
    .execute();

  // Reminders and flags already sent, once each: the unique key lets one instance win.
  await db.schema
    .createTable('pair_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    // e.g. milestone:first-conversation:before, meeting:<id>:reminder, cadence:2027-03-01
    .addColumn('notice_key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pair_notices_once')
    .on('pair_notices')
    .columns(['pair_id', 'notice_key'])
    .unique()
    .execute();

  // "How is it working?" after the third meeting (seed 004). The comment is encrypted; it reaches
  // the coordinator only when its author marked it so.
  await db.schema
    .createTable('pair_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('comment_for_coordinator', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pair_checkins_once')
    .on('pair_checkins')
    .columns(['pair_id', 'role'])
    .unique()
    .execute();

  // A party's request: a change of mentor (the reason goes to the coordinator only) or an extension.
  await db.schema
    .createTable('pair_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    // change_of_mentor, extension
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('months', 'integer')
    // For an extension: when the other party joined the request (both must ask).
    .addColumn('seconded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // approved, declined, withdrawn; null while open.
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('pair_requests_pair')
    .on('pair_requests')
    .columns(['pair_id', 'kind'])
    .execute();

  // People a programme names as advisors (seed 001: the division chair); they see pair metadata only.
  await db.schema
    .createTable('programme_advisors')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_advisors_pk', ['programme_id', 'person_id'])
    .execute();

  // A personal calendar feed: the database keeps only the token's digest; revoking ends it.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('token_digest', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feeds_person').on('calendar_feeds').column('person_id').execute();

  // Evaluations opened for each party when a pair closes; their questions are a later issue's.
  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('evaluations_once')
    .on('evaluations')
    .columns(['pair_id', 'role'])
    .unique()
    .execute();

  // A calendar invitation sent with a mail, as JSON { method, filename, content }.
  await db.schema.alterTable('outbox').addColumn('calendar', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('calendar').execute();
  for (const table of [
    'evaluations',
    'calendar_feeds',
    'programme_advisors',
    'pair_requests',
    'pair_checkins',
    'pair_notices',
    'pair_milestones',
    'meetings',
    'book_items',
    'pair_signatures',
    'pair_agreements',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('pair_events').dropColumn('detail').execute();
  for (const column of [
    'extension_months',
    'content_cleared_at',
    'data_key',
    'closed_at',
    'planned_end_on',
    'active_since',
    'plan_starts_on',
  ]) {
    await db.schema.alterTable('pairs').dropColumn(column).execute();
  }
}
