import type { ProgrammeTemplateKey } from '../../shared/programme.ts';
import type { Queryable } from '../db/connection.ts';
import type { IntakeDeps } from '../modules/applications/applications.service.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { findProgrammeTemplate } from '../modules/programmes/programme.templates.ts';
import { newId } from '../util.ts';
import { cohortPeople, seedDemoActivity } from './activity.ts';
import { pairYearAccounts, seedDemoPairs } from './pair-year.ts';

/** Everyone in the demo network signs in with this password (or with a link from the outbox). */
export const DEMO_PASSWORD = 'bollplank-demo';
const demoMetaKey = 'demo_network_id';

export interface DemoInfo {
  networkId: string;
  networkName: string;
  password: string;
  accounts: { role: string; email: string; name: string }[];
}

const networkName = 'Mentorprogrammet för chefer i Uppland';
/** The five municipalities with their approximate coordinates (for travel time in matching). */
const municipalities: { name: string; place: string; latitude: number; longitude: number }[] = [
  { name: 'Enköpings kommun', place: 'Enköping', latitude: 59.636, longitude: 17.078 },
  { name: 'Håbo kommun', place: 'Bålsta', latitude: 59.567, longitude: 17.532 },
  { name: 'Knivsta kommun', place: 'Knivsta', latitude: 59.726, longitude: 17.786 },
  { name: 'Upplands Väsby kommun', place: 'Upplands Väsby', latitude: 59.519, longitude: 17.928 },
  { name: 'Östhammars kommun', place: 'Östhammar', latitude: 60.259, longitude: 18.373 },
];

/** People of the demo, by organisation index (into `municipalities`), role and name. */
const demoPeople: { org: number | null; role: string; name: string; email: string; title: string }[] = [
  {
    org: null,
    role: 'network_admin',
    name: 'Anna Programansvarig',
    email: 'admin@demo.bollplank.se',
    title: 'Programledare',
  },
  {
    org: 0,
    role: 'org_coordinator',
    name: 'Eva Ek',
    email: 'hr.enkoping@demo.bollplank.se',
    title: 'HR-konsult',
  },
  {
    org: 1,
    role: 'org_coordinator',
    name: 'Hans Holm',
    email: 'hr.habo@demo.bollplank.se',
    title: 'Personalchef',
  },
  {
    org: 2,
    role: 'org_coordinator',
    name: 'Karin Kvist',
    email: 'hr.knivsta@demo.bollplank.se',
    title: 'HR-strateg',
  },
  { org: 3, role: 'org_coordinator', name: 'Ulf Vik', email: 'hr.vasby@demo.bollplank.se', title: 'HR-chef' },
  {
    org: 4,
    role: 'org_coordinator',
    name: 'Östen Öberg',
    email: 'hr.osthammar@demo.bollplank.se',
    title: 'HR-specialist',
  },
  {
    org: 0,
    role: 'mentor',
    name: 'Agneta Lund',
    email: 'mentor.agneta@demo.bollplank.se',
    title: 'Förvaltningschef',
  },
  {
    org: 3,
    role: 'mentor',
    name: 'Magnus Berg',
    email: 'mentor.magnus@demo.bollplank.se',
    title: 'Socialchef',
  },
  {
    org: 2,
    role: 'adept',
    name: 'Tibor Bahati',
    email: 'adept.tibor@demo.bollplank.se',
    title: 'Enhetschef',
  },
  { org: 1, role: 'adept', name: 'Dick Karlsson', email: 'adept.dick@demo.bollplank.se', title: 'Miljöchef' },
  { org: 0, role: 'adept', name: 'Sara Nord', email: 'adept.sara@demo.bollplank.se', title: 'Rektor' },
  {
    org: 2,
    role: 'manager',
    name: 'Maria Chef',
    email: 'chef.knivsta@demo.bollplank.se',
    title: 'Verksamhetschef',
  },
  {
    org: 1,
    role: 'manager',
    name: 'Per Chef',
    email: 'chef.habo@demo.bollplank.se',
    title: 'Samhällsbyggnadschef',
  },
  {
    org: 0,
    role: 'manager',
    name: 'Elin Chef',
    email: 'chef.enkoping@demo.bollplank.se',
    title: 'Utbildningschef',
  },
  {
    org: 4,
    role: 'manager',
    name: 'Olof Chef',
    email: 'chef.osthammar@demo.bollplank.se',
    title: 'Kommundirektör',
  },
  // Admitted to the cohort programme's round (activity.ts), so its matching board has something to match.
  ...cohortPeople.map((p) => ({
    org: p.org,
    role: p.role,
    name: p.name,
    email: p.email,
    title: p.title,
  })),
  // Pairs of the five municipalities' programme at several points of their year (pair-year.ts).
  ...pairYearAccounts,
];

const demoProgrammes: {
  template: ProgrammeTemplateKey;
  name: string;
  round: [string, string, string | null];
}[] = [
  {
    template: 'municipal_individual',
    name: 'Mentorprogram för chefer 2026',
    round: ['Löpande 2026', '2026-01-01', null],
  },
  {
    template: 'agency_cohort',
    name: 'Mentorsprogram 2026/27',
    round: ['Omgång 2026/27', '2026-09-01', '2027-05-31'],
  },
  { template: 'police_pool', name: 'Chefsstöd – mentorpool', round: ['Löpande', '2026-01-01', null] },
  {
    template: 'union_branch',
    name: 'Adept- och mentorprogram för nyvalda',
    round: ['Mandatperiod 2026', '2026-04-01', '2027-09-30'],
  },
];

export async function findDemo(db: Queryable): Promise<DemoInfo | null> {
  const meta = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', demoMetaKey)
    .executeTakeFirst();
  if (!meta) return null;
  const network = await db
    .selectFrom('networks')
    .select(['id', 'name'])
    .where('id', '=', meta.value)
    .executeTakeFirst();
  if (!network) return null;
  return {
    networkId: network.id,
    networkName: network.name,
    password: DEMO_PASSWORD,
    accounts: demoPeople.map((p) => ({ role: p.role, email: p.email, name: p.name })),
  };
}

/** Creates the demo network when the database holds no network at all; returns the demo if there is one. */
export async function seedDemoIfEmpty(deps: IntakeDeps): Promise<DemoInfo | null> {
  const anyNetwork = await deps.db.selectFrom('networks').select('id').limit(1).executeTakeFirst();
  if (anyNetwork) return findDemo(deps.db);
  return seedDemo(deps);
}

/** Removes the demo network and its people, then creates it anew. */
export async function recreateDemo(deps: IntakeDeps): Promise<DemoInfo> {
  const { db } = deps;
  await db.transaction().execute(async (trx) => {
    const existing = await findDemo(trx);
    if (existing) await trx.deleteFrom('networks').where('id', '=', existing.networkId).execute();
    await trx
      .deleteFrom('people')
      .where(
        'email',
        'in',
        demoPeople.map((p) => p.email),
      )
      .execute();
    await trx.deleteFrom('app_meta').where('key', '=', demoMetaKey).execute();
  });
  return seedDemo(deps);
}

async function seedDemo(deps: IntakeDeps): Promise<DemoInfo> {
  const { db } = deps;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now().toISOString();
  const networkId = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('networks').values({ id: networkId, name: networkName, created_at: now }).execute();
    const organisationIds = municipalities.map(() => newId());
    await trx
      .insertInto('organisations')
      .values(
        municipalities.map((municipality, i) => ({
          id: organisationIds[i] as string,
          network_id: networkId,
          name: municipality.name,
          kind: 'municipality',
          org_number: null,
          place_name: municipality.place,
          latitude: municipality.latitude,
          longitude: municipality.longitude,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    for (const p of demoPeople) {
      const personId = newId();
      await trx
        .insertInto('people')
        .values({
          id: personId,
          email: p.email,
          name: p.name,
          title: p.title,
          phone: null,
          locale: 'sv',
          password_hash: passwordHash,
          disabled_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('role_assignments')
        .values({
          id: newId(),
          person_id: personId,
          network_id: networkId,
          organisation_id: p.org === null ? null : (organisationIds[p.org] as string),
          programme_id: null,
          role: p.role,
          created_at: now,
        })
        .execute();
    }
    for (const programme of demoProgrammes) {
      const template = findProgrammeTemplate(programme.template);
      const programmeId = newId();
      await trx
        .insertInto('programmes')
        .values({
          id: programmeId,
          network_id: networkId,
          template_key: template.key,
          name: programme.name,
          description: template.description.sv,
          status: 'open',
          settings: JSON.stringify(template.settings),
          created_at: now,
          updated_at: now,
        })
        .execute();
      const [roundName, startsOn, endsOn] = programme.round;
      await trx
        .insertInto('rounds')
        .values({
          id: newId(),
          programme_id: programmeId,
          name: roundName,
          starts_on: startsOn,
          ends_on: endsOn,
          applications_open_on: null,
          applications_close_on: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await trx.insertInto('app_meta').values({ key: demoMetaKey, value: networkId }).execute();
  });
  await seedDemoActivity(deps);
  await seedDemoPairs(deps);
  return (await findDemo(db))!;
}
