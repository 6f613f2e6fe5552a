import type { z } from 'zod';
import type { PairStatus } from '../../../shared/matching.ts';
import type { advisedPairSchema, advisorSchema } from '../../../shared/pair-lifecycle.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Db } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import * as repo from './lifecycle.repository.ts';
import { localeOf, nowOf, pairLink } from './lifecycle.service.ts';
import { pairFor, partyRole } from './pair-access.ts';

/**
 * Advisors (seed 001: "the division chair who has no adept of their own is advisor; both adept and
 * mentor can turn to them if problems arise"). Administrators name them among the network's people;
 * a party contacts one from the app (a mail); advisors see the pairs' metadata only (policy `read`).
 */

type Advisor = z.infer<typeof advisorSchema>;

async function loadProgramme(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  action: 'reviewApplications' | 'update',
) {
  const programme = await findProgramme(db, programmeId);
  if (!programme) throw notFound();
  authorize(actor, action, { type: 'programme', networkId: programme.network_id });
  return programme;
}

async function present(db: Db, networkId: string, programmeId: string): Promise<Advisor[]> {
  const advisors = await repo.advisorsWithNames(db, programmeId);
  const organisations = await repo.organisationsInNetwork(
    db,
    networkId,
    advisors.map((a) => a.id),
  );
  return advisors.map((a) => ({
    id: a.id,
    name: a.name,
    email: a.email,
    organisation: organisations.find((o) => o.person_id === a.id && o.organisation)?.organisation ?? null,
  }));
}

/** The programme's advisors: for those who run the programme (administrators and coordinators). */
export async function listAdvisors(db: Db, actor: Actor | null, programmeId: string): Promise<Advisor[]> {
  const programme = await loadProgramme(db, actor, programmeId, 'reviewApplications');
  return present(db, programme.network_id, programme.id);
}

/** Administrators name the advisors: people of the network with an active account. */
export async function setAdvisors(
  deps: Deps,
  actor: Actor | null,
  programmeId: string,
  personIds: string[],
): Promise<Advisor[]> {
  const { db } = deps;
  const programme = await loadProgramme(db, actor, programmeId, 'update');
  const unique = [...new Set(personIds)];
  const members = await repo.activeMembers(db, programme.network_id, unique);
  const errors = unique
    .map((id) => personIds.indexOf(id))
    .filter((index) => !members.has(personIds[index]!))
    .map((index) => ({ field: `personIds.${index}`, message: 'not_in_network' }));
  if (errors.length > 0) throw new AppError('validation_failed', errors);
  await db.transaction().execute(async (trx) => {
    await repo.replaceAdvisors(trx, programme.id, unique, actor!.personId, nowOf(deps));
  });
  return present(db, programme.network_id, programme.id);
}

/** A party writes to one of the programme's advisors; the mail carries their address to reply to. */
export async function contactAdvisor(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  body: { advisorId: string; message: string },
): Promise<void> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'participate');
  const role = partyRole(ctx);
  const advisor = (await repo.advisorsWithNames(db, ctx.pair.programme_id)).find(
    (a) => a.id === body.advisorId && a.disabled_at === null,
  );
  if (!advisor) throw AppError.validation('advisorId', 'not_an_advisor');
  const me = role === 'adept' ? ctx.adept : ctx.mentor;
  await deps.mailer.enqueue(db, {
    kind: 'advisor_contact',
    to: advisor.email,
    locale: localeOf(advisor.locale),
    networkId: ctx.pair.network_id,
    params: {
      programme: ctx.pair.programme_name,
      from: me.name,
      fromEmail: me.email,
      fromRole: role,
      message: body.message,
      link: pairLink(deps, ctx.pair.id),
    },
  });
}

/** The pairs of the programmes the caller advises: metadata only. */
export async function advisedPairs(
  db: Db,
  actor: Actor | null,
): Promise<z.infer<typeof advisedPairSchema>[]> {
  if (!actor) throw new AppError('unauthenticated');
  const rows = await repo.advisedPairs(db, actor.personId);
  return rows.map((r) => ({
    id: r.id,
    programme: { id: r.programme_id, name: r.programme_name },
    status: r.status as PairStatus,
    adept: r.adept_name,
    mentor: r.mentor_name,
    plannedEndOn: r.planned_end_on,
  }));
}
