import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import * as spine from '../src/server/db/migrations/2026-11-23T00-spine.ts';
import * as intake from '../src/server/db/migrations/2026-11-23T01-intake.ts';
import * as matching from '../src/server/db/migrations/2026-11-24T10-matching.ts';
import { findProgrammeTemplate } from '../src/server/modules/programmes/programme.templates.ts';
import { newId } from '../src/server/util.ts';
import { programmeSettingsSchema } from '../src/shared/programme.ts';
import { buildNetwork, buildOrganisation, buildPerson, nowIso } from './factories.ts';
import { databaseMigratedWith, insertStoredProgramme } from './migration-support.ts';
import { dialects } from './support.ts';

/**
 * Programmes and approvals stored before approval steps had an approver's name: the migration
 * turns their labels (sentences) into names and descriptions, on a database that had already run
 * the migrations listed after it.
 */

/** The municipal template as it was stored before: steps with a `label` sentence and no name. */
function oldMunicipalSettings() {
  const settings = structuredClone(findProgrammeTemplate('municipal_individual').settings) as any;
  settings.approvalSteps = [
    {
      key: 'responsible_manager',
      approver: 'manager',
      appliesTo: ['adept', 'mentor'],
      label: {
        sv: 'Kommunens ansvarige chef godkänner ansökan',
        en: "The municipality's responsible manager approves the application",
      },
    },
    {
      key: 'custom_hr',
      approver: 'hr',
      appliesTo: ['adept'],
      label: { sv: 'HR tittar på ansökan', en: 'HR looks at the application' },
    },
  ];
  return settings;
}

describe.each(dialects)('the approver-names migration on %s', (dialect) => {
  it('converts stored programme settings and approval steps, after the later matching migration has run', async () => {
    const { db, schema } = await databaseMigratedWith(dialect, {
      '2026-11-23T00-spine': spine,
      '2026-11-23T01-intake': intake,
      '2026-11-24T10-matching': matching,
    });
    const network = await buildNetwork(db);
    const organisation = await buildOrganisation(db, { networkId: network.id });
    const person = await buildPerson(db, {
      roles: [{ role: 'adept', networkId: network.id, organisationId: organisation.id }],
    });
    const programmeId = await insertStoredProgramme(db, {
      networkId: network.id,
      templateKey: 'municipal_individual',
      name: 'Gammalt program',
      settings: JSON.stringify(oldMunicipalSettings()),
    });
    const noticeId = newId();
    await (db as Kysely<any>)
      .insertInto('privacy_notices')
      .values({ id: noticeId, programme_id: programmeId, version: 1, content: '{}', created_at: nowIso() })
      .execute();
    const applicationId = newId();
    await db
      .insertInto('applications')
      .values({
        id: applicationId,
        programme_id: programmeId,
        round_id: null,
        person_id: person.id,
        organisation_id: organisation.id,
        role: 'adept',
        status: 'awaiting_approval',
        basics: '{}',
        needs: null,
        mentor: null,
        answers: '{}',
        exception_reason: null,
        notice_id: noticeId,
        notice_acknowledged_at: nowIso(),
        decision_reason: null,
        decided_by: null,
        decided_at: null,
        submitted_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();
    const old = oldMunicipalSettings().approvalSteps;
    for (const [position, step] of old.entries()) {
      await (db as Kysely<any>)
        .insertInto('application_approvals')
        .values({
          id: newId(),
          application_id: applicationId,
          position,
          step_key: step.key,
          approver: step.approver,
          label: JSON.stringify(step.label),
          approver_name: 'Maria Chef',
          approver_email: 'maria@example.org',
          status: position === 0 ? 'approved' : 'pending',
          comment: null,
          token_hash: null,
          token_expires_at: null,
          requested_at: nowIso(),
          reminded_at: null,
          decided_at: position === 0 ? nowIso() : null,
          decided_by: null,
        })
        .execute();
    }

    // The full list, with the approver names listed before matching, which this database already ran;
    // what came after matching runs too.
    const ran = await migrateToLatest(db, schema ? { schema } : {});
    expect(ran).toEqual([
      '2026-11-24T05-approver-names',
      '2026-11-24T20-pair-year',
      '2026-11-24T30-pair-settings',
    ]);

    const stored = await db
      .selectFrom('programmes')
      .select('settings')
      .where('id', '=', programmeId)
      .executeTakeFirstOrThrow();
    const settings = programmeSettingsSchema.parse(JSON.parse(stored.settings));
    expect(settings.approvalSteps).toEqual([
      {
        key: 'responsible_manager',
        approver: 'manager',
        appliesTo: ['adept', 'mentor'],
        approverName: { sv: 'kommunens ansvariga chef', en: "the municipality's responsible manager" },
        description: null,
      },
      {
        // A label the migration does not know keeps its words as the description; the name comes from the kind.
        key: 'custom_hr',
        approver: 'hr',
        appliesTo: ['adept'],
        approverName: { sv: 'HR i sökandens organisation', en: "HR in the applicant's organisation" },
        description: { sv: 'HR tittar på ansökan', en: 'HR looks at the application' },
      },
    ]);
    const approvals = await db
      .selectFrom('application_approvals')
      .select(['label', 'description', 'status'])
      .where('application_id', '=', applicationId)
      .orderBy('position')
      .execute();
    expect(
      approvals.map((a) => [JSON.parse(a.label).sv, a.description ? JSON.parse(a.description).sv : null]),
    ).toEqual([
      ['kommunens ansvariga chef', null],
      ['HR i sökandens organisation', 'HR tittar på ansökan'],
    ]);
    // Run again: nothing left to do.
    expect(await migrateToLatest(db, schema ? { schema } : {})).toEqual([]);
  });
});
