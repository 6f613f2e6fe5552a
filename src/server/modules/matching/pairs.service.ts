import type { z } from 'zod';
import { localized } from '../../../shared/format.ts';
import type { MentorProfile, NeedsProfile } from '../../../shared/intake.ts';
import type { conflictBodySchema, DeclaredConflict, MyPair, PairStatus } from '../../../shared/matching.ts';
import type { ProgrammeSettings } from '../../../shared/programme.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Db, Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../util.ts';
import { type IntroducedPerson, levelNames } from '../mail/mail.templates.ts';
import { loadPairs, pairFor } from '../pairs/pair-access.ts';
import type { ProgrammeRow } from '../programmes/programmes.repository.ts';
import type { Participant } from './matching.input.ts';
import * as repo from './matching.repository.ts';

/**
 * Pairs from the parties' side: the introduction mails, what each party sees of the other, declining
 * with a reason kept for the coordinator, and the conflicts a participant declares ahead of matching.
 */

const areaLabels = (settings: ProgrammeSettings, keys: string[], locale: Locale) =>
  keys.map((key) => {
    const area = settings.developmentAreas.find((a) => a.key === key);
    return area ? localized(area.label, locale) : key;
  });

/** What one party is told about the other: a summary, and how to reach them. */
function describe(
  settings: ProgrammeSettings,
  other: Participant,
  otherRole: 'adept' | 'mentor',
  locale: Locale,
) {
  const mentor = other.mentor as MentorProfile | null;
  const needs = other.needs as NeedsProfile | null;
  return {
    name: other.name,
    title: other.basics.title || other.title,
    organisation: other.organisationName,
    email: other.email,
    phone: other.phone,
    level: other.basics.managementLevel,
    areas: areaLabels(
      settings,
      otherRole === 'mentor' ? (mentor?.competences ?? []) : (needs?.developmentAreas ?? []),
      locale,
    ),
    about: otherRole === 'mentor' ? (mentor?.presentation ?? '') : (needs?.goals ?? ''),
    meetingPreferences: otherRole === 'mentor' ? (mentor?.meetingPreferences ?? '') : '',
  };
}

/** Mails both parties of a newly published pair; returns how many mails were queued. */
export async function introducePair(
  deps: Deps,
  db: Queryable,
  pair: {
    programme: ProgrammeRow;
    settings: ProgrammeSettings;
    pairId: string;
    adept: Participant;
    mentor: Participant;
  },
): Promise<number> {
  const { programme, settings, adept, mentor } = pair;
  const link = `${deps.config.publicUrl}/pairs`;
  const firstContact = settings.matching.firstContact;
  for (const [recipient, other, role, otherRole] of [
    [adept, mentor, 'adept', 'mentor'],
    [mentor, adept, 'mentor', 'adept'],
  ] as const) {
    const locale = recipient.locale;
    const summary = describe(settings, other, otherRole, locale);
    const introduced: IntroducedPerson = {
      ...summary,
      level: summary.level ? (levelNames[locale][summary.level] ?? null) : null,
      areas: summary.areas.join(', '),
    };
    await deps.mailer.enqueue(db, {
      kind: 'pair_introduced',
      to: recipient.email,
      locale,
      networkId: programme.network_id,
      params: {
        programme: programme.name,
        recipientRole: role,
        other: introduced,
        youMakeContact: firstContact === role,
        link,
      },
    });
  }
  return 2;
}

// --- The parties' view ----------------------------------------------------------------------------------------

export async function myPairs(db: Db, actor: Actor | null, locale: Locale): Promise<MyPair[]> {
  if (!actor) throw new AppError('unauthenticated');
  const rows = await repo.pairsOfPerson(db, actor.personId);
  const events = await repo.eventsOf(
    db,
    rows.map((r) => r.id),
  );
  const result: MyPair[] = [];
  for (const { pair: row, adept, mentor, settings, subject } of await loadPairs(
    db,
    rows.map((r) => r.id),
  )) {
    authorize(actor, 'read', subject);
    const role = row.adept_id === actor.personId ? 'adept' : 'mentor';
    const other = role === 'adept' ? mentor : adept;
    const { level, ...summary } = describe(settings, other, role === 'adept' ? 'mentor' : 'adept', locale);
    const declined = events.filter((e) => e.pair_id === row.id && e.to_status === 'declined').at(-1);
    result.push({
      id: row.id,
      programme: { id: row.programme_id, name: row.programme_name },
      role,
      status: row.status as PairStatus,
      other: { id: other.id, ...summary, managementLevel: level },
      youMakeContact: settings.matching.firstContact === role,
      publishedAt: row.published_at,
      declinedBy: declined ? (declined.actor_id === actor.personId ? 'you' : 'other') : null,
      declinedAt: declined?.created_at ?? null,
    });
  }
  return result;
}

/**
 * Either party declines, before or after the first conversation, with a reason kept for the coordinator.
 * The pair is never proposed again; the adept waits for a new mentor.
 */
export async function declinePair(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  reason: string,
  locale: Locale,
): Promise<MyPair> {
  const { db } = deps;
  const { pair, adept, mentor } = await pairFor(db, actor, pairId, 'decline');
  if (pair.status !== 'introduced' && pair.status !== 'first_meeting_held')
    throw AppError.validation('reason', 'cannot_decline');
  const role = pair.adept_id === actor!.personId ? 'adept' : 'mentor';
  await db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    if (!(await repo.transitionPair(trx, pair.id, pair.status, 'declined', now)))
      throw new AppError('conflict');
    await repo.insertPairEvent(trx, {
      id: newId(),
      pair_id: pair.id,
      from_status: pair.status,
      to_status: 'declined',
      actor_id: actor!.personId,
      actor_role: role,
      reason,
      created_at: now,
    });
    const decliner = role === 'adept' ? adept : mentor;
    const other = role === 'adept' ? mentor : adept;
    await deps.mailer.enqueue(trx, {
      kind: 'pair_declined',
      to: other.email,
      locale: other.locale,
      networkId: pair.network_id,
      params: {
        programme: pair.programme_name,
        other: decliner.name,
        recipientRole: role === 'adept' ? 'mentor' : 'adept',
        link: `${deps.config.publicUrl}/pairs`,
      },
    });
    // The adept's coordinators (or the administrators, where there are none) find the new mentor.
    for (const coordinator of await repo.coordinatorsOf(trx, pair.network_id, adept.organisationId)) {
      await deps.mailer.enqueue(trx, {
        kind: 'pair_declined_coordinator',
        to: coordinator.email,
        locale: coordinator.locale === 'en' ? 'en' : 'sv',
        networkId: pair.network_id,
        params: {
          programme: pair.programme_name,
          adept: adept.name,
          mentor: mentor.name,
          by: decliner.name,
          link: `${deps.config.publicUrl}/matching/${pair.programme_id}`,
        },
      });
    }
  });
  const mine = await myPairs(db, actor, locale);
  return mine.find((p) => p.id === pair.id)!;
}

// --- Declared conflicts ------------------------------------------------------------------------------------------

const presentConflict = (row: repo.ConflictRow): DeclaredConflict => ({
  id: row.id,
  name: row.other_name,
  email: row.other_email,
  reason: row.reason,
  declaredAt: row.created_at,
});

export async function myConflicts(db: Db, actor: Actor | null): Promise<DeclaredConflict[]> {
  if (!actor) throw new AppError('unauthenticated');
  return (await repo.conflictsOf(db, actor.personId)).map(presentConflict);
}

export async function declareConflict(
  db: Db,
  actor: Actor | null,
  body: z.infer<typeof conflictBodySchema>,
  now: string,
): Promise<DeclaredConflict> {
  if (!actor) throw new AppError('unauthenticated');
  if (body.email && body.email.toLowerCase() === actor.email.toLowerCase())
    throw AppError.validation('email', 'conflict_not_yourself');
  const row: repo.ConflictRow = {
    id: newId(),
    person_id: actor.personId,
    other_name: body.name,
    other_email: body.email ? body.email.toLowerCase() : null,
    reason: body.reason,
    created_at: now,
    withdrawn_at: null,
  };
  await repo.insertConflict(db, row);
  return presentConflict(row);
}

export async function withdrawConflict(db: Db, actor: Actor | null, id: string, now: string): Promise<void> {
  if (!actor) throw new AppError('unauthenticated');
  const row = await repo.findConflict(db, id);
  // Someone else's declaration does not exist, as far as the caller can tell.
  if (!row || row.person_id !== actor.personId || row.withdrawn_at !== null) throw notFound();
  await repo.withdrawConflict(db, id, now);
}
