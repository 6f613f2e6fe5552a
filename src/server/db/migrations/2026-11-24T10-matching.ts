import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here. Matching: where organisations are, runs of the
// matching engine as they were made, the board's decisions, declared conflicts, and pairs with every
// transition of their status.

export async function up(db: Kysely<any>): Promise<void> {
  // Where an organisation is, for travel time; `external` marks one outside the network's membership
  // (seed 000: mentors from the Centro network), registered by the administrator.
  await db.schema.alterTable('organisations').addColumn('place_name', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('latitude', 'double precision').execute();
  await db.schema.alterTable('organisations').addColumn('longitude', 'double precision').execute();
  await db.schema
    .alterTable('organisations')
    .addColumn('external', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('matching_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.references('rounds.id').onDelete('set null'))
    // batch: the whole round; single: one adept's mentors ranked; rematch: one adept, other pairs kept.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('adept_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_phase', 'text')
    .addColumn('progress_fraction', 'double precision')
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    // sha256 of the canonical JSON of `input`, and the input itself as given to the engine.
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    // The engine's result (proposals, unmatched with reasons, totals, certificate) as JSON.
    .addColumn('result', 'text')
    // The certificate checker's verdict: 'verified', 'failed', or null while running.
    .addColumn('verdict', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('matching_runs_programme')
    .on('matching_runs')
    .columns(['programme_id', 'kind', 'created_at'])
    .execute();

  await db.schema
    .createTable('matching_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.references('rounds.id').onDelete('cascade'))
    .addColumn('adept_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // lock: keep this pair in every run; forbid: never propose it.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // Hard constraints the coordinator accepted breaking (a swap by hand), as a JSON list of codes.
    .addColumn('overridden', 'text')
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('matching_decisions_programme')
    .on('matching_decisions')
    .columns(['programme_id', 'removed_at'])
    .execute();

  // "I should not be matched with X": the other person by name and address as the declarer wrote them.
  await db.schema
    .createTable('declared_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('other_name', 'text', (c) => c.notNull())
    .addColumn('other_email', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema
    .createIndex('declared_conflicts_person')
    .on('declared_conflicts')
    .column('person_id')
    .execute();
  await db.schema
    .createIndex('declared_conflicts_email')
    .on('declared_conflicts')
    .column('other_email')
    .execute();

  await db.schema
    .createTable('pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.references('rounds.id').onDelete('set null'))
    .addColumn('adept_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // introduced, declined; later: first_meeting_held, active, ending, closed, rematched, cancelled.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.references('matching_runs.id').onDelete('set null'))
    .addColumn('score', 'integer')
    .addColumn('max_score', 'integer')
    .addColumn('published_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pairs_programme').on('pairs').columns(['programme_id', 'status']).execute();
  await db.schema.createIndex('pairs_adept').on('pairs').column('adept_id').execute();
  // An adept holds at most one pair per programme that has not failed: two publishers cannot both win.
  await db.schema
    .createIndex('pairs_one_per_adept')
    .on('pairs')
    .columns(['programme_id', 'adept_id'])
    .unique()
    .where(sql.ref('status'), 'not in', ['declined', 'rematched', 'cancelled'])
    .execute();
  await db.schema.createIndex('pairs_mentor').on('pairs').column('mentor_id').execute();

  await db.schema
    .createTable('pair_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    // The actor's part in it: adept, mentor, coordinator or administrator.
    .addColumn('actor_role', 'text')
    // Why (a decline's reason); shown to coordinators and administrators only.
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pair_events_pair').on('pair_events').column('pair_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['pair_events', 'pairs', 'declared_conflicts', 'matching_decisions', 'matching_runs']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  for (const column of ['external', 'longitude', 'latitude', 'place_name']) {
    await db.schema.alterTable('organisations').dropColumn(column).execute();
  }
}
