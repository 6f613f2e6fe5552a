import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import * as spine from '../src/server/db/migrations/2026-11-23T00-spine.ts';
import * as intake from '../src/server/db/migrations/2026-11-23T01-intake.ts';
import * as approverNames from '../src/server/db/migrations/2026-11-24T05-approver-names.ts';
import * as matching from '../src/server/db/migrations/2026-11-24T10-matching.ts';
import * as pairYear from '../src/server/db/migrations/2026-11-24T20-pair-year.ts';
import { findProgrammeTemplate } from '../src/server/modules/programmes/programme.templates.ts';
import { newId } from '../src/server/util.ts';
import { buildNetwork, buildOrganisation, buildPerson, nowIso } from './factories.ts';
import { databaseMigratedWith, insertStoredProgramme } from './migration-support.ts';
import { dialects } from './support.ts';

/**
 * Pairs running before a pair kept its own copy of the programme's settings get the programme's
 * settings of the day the migration runs, so that a later edit of the programme leaves them be.
 */
describe.each(dialects)('the pair-settings migration on %s', (dialect) => {
  it('gives every running pair the settings its programme has today', async () => {
    const { db, schema } = await databaseMigratedWith(dialect, {
      '2026-11-23T00-spine': spine,
      '2026-11-23T01-intake': intake,
      '2026-11-24T05-approver-names': approverNames,
      '2026-11-24T10-matching': matching,
      '2026-11-24T20-pair-year': pairYear,
    });
    const network = await buildNetwork(db);
    const organisation = await buildOrganisation(db, { networkId: network.id });
    const role = (r: 'adept' | 'mentor') => [
      { role: r, networkId: network.id, organisationId: organisation.id },
    ];
    const adept = await buildPerson(db, { roles: role('adept') });
    const mentor = await buildPerson(db, { roles: role('mentor') });
    const settings = JSON.stringify(findProgrammeTemplate('union_branch').settings);
    const programmeId = await insertStoredProgramme(db, {
      networkId: network.id,
      templateKey: 'union_branch',
      name: 'Mentorprogram 2026',
      settings,
    });
    const pairId = newId();
    await db
      .insertInto('pairs')
      .values({
        id: pairId,
        programme_id: programmeId,
        round_id: null,
        adept_id: adept.id,
        mentor_id: mentor.id,
        status: 'active',
        run_id: null,
        score: null,
        max_score: null,
        published_by: null,
        published_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();

    expect(await migrateToLatest(db, schema ? { schema } : {})).toEqual(['2026-11-24T30-pair-settings']);

    const pair = await db
      .selectFrom('pairs')
      .select('settings')
      .where('id', '=', pairId)
      .executeTakeFirstOrThrow();
    expect(pair.settings).toBe(settings);
  });
});
