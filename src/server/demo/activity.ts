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
import { declareConflict } from '../modules/matching/pairs.service.ts';
import { ensureCurrentNotice } from '../modules/privacy/privacy.service.ts';

/**
 * Applications in every state, made through the same services a person would use, so that the
 * demo's intake view, approvals and mentor pool have something to show from the first sign-in.
 * Tibor and Agneta are left without applications: the README walks through theirs.
 */

export const demoDomain = '@demo.bollplank.se';

export async function actorFor(deps: IntakeDeps, localPart: string): Promise<Actor> {
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

export function basics(
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

export const needs = (areas: string[], goals: string): NeedsProfile => ({
  developmentAreas: areas,
  goals,
  wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
});

export const mentor = (competences: string[], presentation: string): MentorProfile => ({
  competences,
  experienceLevels: ['direct', 'indirect'],
  sectors: ['Skola', 'Socialtjänst'],
  capacity: 2,
  meetingPreferences: 'Gärna på min arbetsplats, annars video.',
  presentation,
});

export async function apply(
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
  // A cohort programme takes applications to its round.
  const round =
    templateKey === 'agency_cohort'
      ? await deps.db
          .selectFrom('rounds')
          .select('id')
          .where('programme_id', '=', programme.id)
          .executeTakeFirstOrThrow()
      : null;
  const settings = parseSettings(programme.settings);
  const notice = await ensureCurrentNotice(
    deps.db,
    { id: programme.id, settings },
    deps.clock.now().toISOString(),
  );
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
      roundId: round?.id ?? null,
      answers,
      noticeId: notice.id,
      consents: ['follow-up-contact'],
    },
    'sv',
  );
  return { programmeId: programme.id, application };
}

export async function approveNext(deps: IntakeDeps, applicationId: string, approver: string) {
  const pending = await deps.db
    .selectFrom('application_approvals')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  await decideAsSignedIn(deps, await actorFor(deps, approver), pending.id, 'approve', 'Varmt välkommen!');
}

/**
 * The cohort programme's round (seed 003: a mentor from another organisation): adepts and mentors of
 * the five municipalities, admitted through the intake services, so a coordinator can run matching on
 * a real board. Org is the index of the municipality in seed.ts.
 */
export const cohortPeople: {
  org: number;
  role: 'adept' | 'mentor';
  name: string;
  email: string;
  title: string;
  level: ProfileBasics['managementLevel'];
  since: string;
  sector: string;
  areas: string[];
  capacity?: number;
  about: string;
}[] = [
  {
    org: 0,
    role: 'adept',
    name: 'Amira Hassan',
    email: 'adept.amira@demo.bollplank.se',
    title: 'Enhetschef hemtjänst',
    level: 'direct',
    since: '2024-02-01',
    sector: 'Äldreomsorg',
    areas: ['conflict', 'work-environment'],
    about: 'Leda en arbetsgrupp genom en svår omorganisation.',
  },
  {
    org: 0,
    role: 'adept',
    name: 'Emil Sand',
    email: 'adept.emil@demo.bollplank.se',
    title: 'Områdeschef fritid',
    level: 'direct',
    since: '2023-08-15',
    sector: 'Kultur och fritid',
    areas: ['stress', 'work-environment'],
    about: 'Prioritera och orka i chefsrollen.',
  },
  {
    org: 1,
    role: 'adept',
    name: 'Johan Ek',
    email: 'adept.johan@demo.bollplank.se',
    title: 'Gatuchef',
    level: 'direct',
    since: '2024-01-10',
    sector: 'Samhällsbyggnad',
    areas: ['change', 'budget'],
    about: 'Driva förändring med en krympande budget.',
  },
  {
    org: 1,
    role: 'adept',
    name: 'Maja Öst',
    email: 'adept.maja@demo.bollplank.se',
    title: 'Enhetschef LSS',
    level: 'direct',
    since: '2025-03-01',
    sector: 'Socialtjänst',
    areas: ['role', 'communication'],
    about: 'Bli trygg som ny chef och kommunicera tydligt.',
  },
  {
    org: 2,
    role: 'adept',
    name: 'Lina Berg',
    email: 'adept.lina@demo.bollplank.se',
    title: 'Förskolechef',
    level: 'direct',
    since: '2023-11-01',
    sector: 'Skola',
    areas: ['communication', 'stress'],
    about: 'Kommunicera förändringar till föräldrar och personal.',
  },
  {
    org: 2,
    role: 'adept',
    name: 'Nils Dahl',
    email: 'adept.nils@demo.bollplank.se',
    title: 'Enhetschef IT',
    level: 'direct',
    since: '2024-05-01',
    sector: 'Digitalisering',
    areas: ['change', 'recruitment'],
    about: 'Bygga upp ett nytt team.',
  },
  {
    org: 3,
    role: 'adept',
    name: 'Oskar Nyström',
    email: 'adept.oskar@demo.bollplank.se',
    title: 'Enhetschef bygglov',
    level: 'direct',
    since: '2024-09-01',
    sector: 'Samhällsbyggnad',
    areas: ['change', 'recruitment'],
    about: 'Rekrytera och behålla handläggare.',
  },
  {
    org: 3,
    role: 'adept',
    name: 'Petra Lind',
    email: 'adept.petra@demo.bollplank.se',
    title: 'Avdelningschef',
    level: 'indirect',
    since: '2022-06-01',
    sector: 'Socialtjänst',
    areas: ['leading-leaders', 'budget'],
    about: 'Leda chefer och styra med budget.',
  },
  {
    org: 4,
    role: 'adept',
    name: 'Frida Holm',
    email: 'adept.frida@demo.bollplank.se',
    title: 'Rektor',
    level: 'direct',
    since: '2024-08-01',
    sector: 'Skola',
    areas: ['conflict', 'role'],
    about: 'Hantera konflikter i kollegiet.',
  },
  {
    org: 0,
    role: 'mentor',
    name: 'Göran Falk',
    email: 'mentor.goran@demo.bollplank.se',
    title: 'Ekonomichef',
    level: 'indirect',
    since: '2008-01-01',
    sector: 'Ekonomi',
    areas: ['budget', 'change', 'leading-leaders'],
    capacity: 2,
    about: 'Ekonomichef i tio år, tidigare enhetschef.',
  },
  {
    org: 1,
    role: 'mentor',
    name: 'Helena Ros',
    email: 'mentor.helena@demo.bollplank.se',
    title: 'Skolchef',
    level: 'indirect',
    since: '2010-08-01',
    sector: 'Skola',
    areas: ['role', 'communication', 'conflict'],
    capacity: 2,
    about: 'Har lett rektorer i tolv år.',
  },
  {
    org: 2,
    role: 'mentor',
    name: 'Birgitta Ahl',
    email: 'mentor.birgitta@demo.bollplank.se',
    title: 'Socialchef',
    level: 'strategic',
    since: '2005-03-01',
    sector: 'Socialtjänst',
    areas: ['conflict', 'work-environment', 'leading-leaders'],
    capacity: 2,
    about: 'Socialchef med lång erfarenhet av arbetsmiljöfrågor.',
  },
  {
    org: 3,
    role: 'mentor',
    name: 'Ingrid Wall',
    email: 'mentor.ingrid@demo.bollplank.se',
    title: 'HR-direktör',
    level: 'strategic',
    since: '2007-09-01',
    sector: 'HR',
    areas: ['stress', 'recruitment', 'role'],
    capacity: 3,
    about: 'HR-direktör som brinner för chefers villkor.',
  },
  {
    org: 4,
    role: 'mentor',
    name: 'Karl Ström',
    email: 'mentor.karl@demo.bollplank.se',
    title: 'Samhällsbyggnadschef',
    level: 'indirect',
    since: '2011-04-01',
    sector: 'Samhällsbyggnad',
    areas: ['change', 'recruitment', 'budget'],
    capacity: 2,
    about: 'Har lett stora förändringar inom samhällsbyggnad.',
  },
];

const hrOf = ['hr.enkoping', 'hr.habo', 'hr.knivsta', 'hr.vasby', 'hr.osthammar'];

async function admitCohort(deps: IntakeDeps): Promise<void> {
  const admin = await actorFor(deps, 'admin');
  const admitted: { programmeId: string; applicationId: string }[] = [];
  for (const person of cohortPeople) {
    const localPart = person.email.slice(0, person.email.indexOf('@'));
    const profile = basics(person.title, person.since, person.level, person.sector);
    const applied = await apply(deps, localPart, 'agency_cohort', {
      role: person.role,
      basics: profile,
      ...(person.role === 'adept'
        ? { needs: needs(person.areas, person.about) }
        : {
            mentor: {
              ...mentor(person.areas, person.about),
              capacity: person.capacity ?? 1,
              experienceLevels:
                person.level === 'strategic' ? ['direct', 'indirect', 'strategic'] : ['direct', 'indirect'],
              sectors: [person.sector],
            },
          }),
    });
    await approveNext(deps, applied.application.id, hrOf[person.org]!);
    admitted.push({ programmeId: applied.programmeId, applicationId: applied.application.id });
  }
  await bulkDecide(deps, admin, admitted[0]!.programmeId, {
    ids: admitted.map((a) => a.applicationId),
    action: 'approve',
  });
  // Frida has told the programme she should not be matched with a former colleague.
  await declareConflict(
    deps.db,
    await actorFor(deps, 'adept.frida'),
    {
      name: 'Helena Ros',
      email: 'mentor.helena@demo.bollplank.se',
      reason: 'Vi arbetade nära varandra på samma skola i flera år.',
    },
    deps.clock.now().toISOString(),
  );
}

export async function seedDemoActivity(deps: IntakeDeps): Promise<void> {
  await admitCohort(deps);
  // Lena, a mentor the whole way into the pool, is admitted with the pairs' people, weeks before her
  // pair with Omar (pair-year.ts).

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
