import type { ApplyBody, MentorProfile, NeedsProfile, ProfileBasics } from '../../shared/intake.ts';
import type { ProgrammeTemplateKey } from '../../shared/programme.ts';
import type { Locale } from '../../shared/roles.ts';
import type { Actor } from '../authz/actor.ts';
import { parseSettings } from '../modules/applications/applications.presenter.ts';
import {
  applyToProgramme,
  bulkDecide,
  type IntakeDeps,
} from '../modules/applications/applications.service.ts';
import { decideAsSignedIn } from '../modules/applications/approvals.service.ts';
import { findPersonByEmail, findRoles } from '../modules/auth/auth.repository.ts';
import { ensureCurrentNotice } from '../modules/privacy/privacy.service.ts';

/**
 * Applications in every state, made through the same services a person would use, so that the
 * demo's intake view, approvals and mentor pool have something to show from the first sign-in.
 * Tibor and Agneta are left without applications: the README walks through theirs.
 */

const demoDomain = '@demo.bollplank.se';

async function actorFor(deps: IntakeDeps, localPart: string): Promise<Actor> {
  const person = (await findPersonByEmail(deps.db, `${localPart}${demoDomain}`))!;
  return {
    personId: person.id,
    email: person.email,
    name: person.name,
    locale: person.locale as Locale,
    sessionId: 'demo-seed',
    roles: await findRoles(deps.db, person.id),
  };
}

function basics(
  title: string,
  since: string,
  level: ProfileBasics['managementLevel'],
  sector: string,
): ProfileBasics {
  return {
    title,
    managementLevel: level,
    staffCount: level === 'direct' ? 14 : 6,
    managingStaffSince: since,
    sector,
    languages: ['svenska', 'engelska'],
    meetingPlaces: ['På min arbetsplats', 'Video'],
    maxTravelMinutes: 60,
    gender: 'unspecified',
  };
}

const needs = (areas: string[], goals: string): NeedsProfile => ({
  developmentAreas: areas,
  goals,
  wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
});

const mentor = (competences: string[], presentation: string): MentorProfile => ({
  competences,
  experienceLevels: ['direct', 'indirect'],
  sectors: ['Skola', 'Socialtjänst'],
  capacity: 2,
  meetingPreferences: 'Gärna på min arbetsplats, annars video.',
  presentation,
});

async function apply(
  deps: IntakeDeps,
  who: string,
  templateKey: ProgrammeTemplateKey,
  body: Omit<ApplyBody, 'noticeId' | 'organisationId' | 'roundId' | 'answers' | 'consents'>,
) {
  const actor = await actorFor(deps, who);
  const programme = await deps.db
    .selectFrom('programmes')
    .select(['id', 'settings'])
    .where('template_key', '=', templateKey)
    .where('network_id', '=', actor.roles[0]!.networkId)
    .executeTakeFirstOrThrow();
  const settings = parseSettings(programme.settings);
  const notice = await ensureCurrentNotice(deps.db, { id: programme.id, settings });
  const answers: ApplyBody['answers'] = {};
  for (const q of settings.applicationQuestions) {
    if (!q.forRoles.includes(body.role)) continue;
    answers[q.key] =
      q.type === 'text'
        ? 'Jag vill dela med mig av det jag har lärt mig om att leda i förändring.'
        : q.type === 'scale'
          ? 3
          : q.type === 'choice'
            ? q.options[0]!.key
            : [q.options[0]!.key];
  }
  const application = await applyToProgramme(
    deps,
    actor,
    programme.id,
    {
      ...body,
      organisationId: actor.roles[0]!.organisationId!,
      roundId: null,
      answers,
      noticeId: notice.id,
      consents: ['follow-up-contact'],
    },
    'sv',
  );
  return { programmeId: programme.id, application };
}

async function approveNext(deps: IntakeDeps, applicationId: string, approver: string) {
  const pending = await deps.db
    .selectFrom('application_approvals')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  await decideAsSignedIn(deps, await actorFor(deps, approver), pending.id, 'approve', 'Varmt välkommen!');
}

export async function seedDemoActivity(deps: IntakeDeps): Promise<void> {
  // A mentor the whole way into the pool: both approvals, then the administrator's.
  const lena = await apply(deps, 'mentor.lena', 'municipal_individual', {
    role: 'mentor',
    basics: basics('Skolchef', '2009-08-01', 'indirect', 'Skola'),
    mentor: mentor(
      ['leading-leaders', 'change', 'communication'],
      'Skolchef som har lett chefer i femton år.',
    ),
    manager: { name: 'Olof Chef', email: `chef.osthammar${demoDomain}` },
  });
  await approveNext(deps, lena.application.id, 'chef.osthammar');
  await approveNext(deps, lena.application.id, 'hr.osthammar');
  const admin = await actorFor(deps, 'admin');
  await bulkDecide(deps, admin, lena.programmeId, { ids: [lena.application.id], action: 'approve' });

  // An adept approved by manager and HR, waiting for the administrator's review.
  const dick = await apply(deps, 'adept.dick', 'municipal_individual', {
    role: 'adept',
    basics: basics('Miljöchef', '2024-03-01', 'direct', 'Miljö och hälsoskydd'),
    needs: needs(['stress', 'communication'], 'Prioritera bättre och leda genom andra.'),
    manager: { name: 'Per Chef', email: `chef.habo${demoDomain}` },
  });
  await approveNext(deps, dick.application.id, 'chef.habo');
  await approveNext(deps, dick.application.id, 'hr.habo');

  // An adept whose manager has approved; HR in Enköping has it under "Att godkänna".
  const sara = await apply(deps, 'adept.sara', 'municipal_individual', {
    role: 'adept',
    basics: basics('Rektor', '2025-01-15', 'direct', 'Skola'),
    needs: needs(['conflict', 'work-environment'], 'Hantera konflikter i arbetslaget.'),
    manager: { name: 'Elin Chef', email: `chef.enkoping${demoDomain}` },
  });
  await approveNext(deps, sara.application.id, 'chef.enkoping');

  // A police-pool mentor waiting for a manager without an account: the approval link is in the outbox.
  await apply(deps, 'mentor.magnus', 'police_pool', {
    role: 'mentor',
    basics: basics('Socialchef', '2012-05-01', 'strategic', 'Socialtjänst'),
    mentor: mentor(['leading-leaders', 'budget'], 'Socialchef, tidigare enhetschef inom barn och unga.'),
    manager: { name: 'Kim Chef', email: 'kim.chef@example.org' },
  });
}
