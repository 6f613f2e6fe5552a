import type { Db } from '../src/server/db/connection.ts';
import { hashPassword } from '../src/server/modules/auth/password.ts';
import { newId } from '../src/server/util.ts';
import type { Role } from '../src/shared/roles.ts';
import { TEST_PASSWORD } from './support.ts';

/** Now, by the system clock: for fixtures (the server itself reads `deps.clock`). */
export const nowIso = (): string => new Date().toISOString();

// Hashing is deliberately slow; every test person shares one hash of TEST_PASSWORD.
let passwordHash: Promise<string> | undefined;
const sharedHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildNetwork(db: Db, overrides: { name?: string } = {}) {
  const network = { id: newId(), name: overrides.name ?? `Network ${unique()}`, created_at: nowIso() };
  await db.insertInto('networks').values(network).execute();
  return network;
}

export async function buildOrganisation(
  db: Db,
  overrides: { networkId?: string; name?: string; kind?: string } = {},
) {
  const networkId = overrides.networkId ?? (await buildNetwork(db)).id;
  const now = nowIso();
  const organisation = {
    id: newId(),
    network_id: networkId,
    name: overrides.name ?? `Organisation ${unique()}`,
    kind: overrides.kind ?? 'municipality',
    org_number: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('organisations').values(organisation).execute();
  return organisation;
}

export interface PersonOptions {
  email?: string;
  name?: string;
  locale?: 'sv' | 'en';
  disabled?: boolean;
  roles?: { role: Role; networkId: string; organisationId?: string | null }[];
}

export async function buildPerson(db: Db, options: PersonOptions = {}) {
  const now = nowIso();
  const person = {
    id: newId(),
    email: options.email ?? `person-${unique()}@example.org`,
    name: options.name ?? `Person ${unique()}`,
    title: null,
    phone: null,
    locale: options.locale ?? 'sv',
    password_hash: await sharedHash(),
    disabled_at: options.disabled ? now : null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('people').values(person).execute();
  for (const r of options.roles ?? []) {
    await db
      .insertInto('role_assignments')
      .values({
        id: newId(),
        person_id: person.id,
        network_id: r.networkId,
        organisation_id: r.organisationId ?? null,
        programme_id: null,
        role: r.role,
        created_at: now,
      })
      .execute();
  }
  return person;
}

/**
 * A network with two organisations and one person in every role (plus a disabled account), the
 * cast the authorization tests ask about.
 */
export async function buildCast(db: Db) {
  const network = await buildNetwork(db);
  const orgA = await buildOrganisation(db, { networkId: network.id, name: 'Org A' });
  const orgB = await buildOrganisation(db, { networkId: network.id, name: 'Org B' });
  const inA = (role: Role) => ({ roles: [{ role, networkId: network.id, organisationId: orgA.id }] });
  const admin = await buildPerson(db, { roles: [{ role: 'network_admin', networkId: network.id }] });
  const coordinatorA = await buildPerson(db, inA('org_coordinator'));
  const coordinatorB = await buildPerson(db, {
    roles: [{ role: 'org_coordinator', networkId: network.id, organisationId: orgB.id }],
  });
  const manager = await buildPerson(db, inA('manager'));
  const mentor = await buildPerson(db, inA('mentor'));
  const adept = await buildPerson(db, inA('adept'));
  const adeptB = await buildPerson(db, {
    roles: [{ role: 'adept', networkId: network.id, organisationId: orgB.id }],
  });
  const disabled = await buildPerson(db, { ...inA('mentor'), disabled: true });
  const otherNetwork = await buildNetwork(db);
  const outsider = await buildPerson(db, {
    roles: [{ role: 'network_admin', networkId: otherNetwork.id }],
  });
  return {
    network,
    otherNetwork,
    orgA,
    orgB,
    admin,
    coordinatorA,
    coordinatorB,
    manager,
    mentor,
    adept,
    adeptB,
    disabled,
    outsider,
  };
}

/**
 * The cast plus people who hold several roles: the administrator who is also a mentor in A, a
 * mentor of A who coordinates B, the other network's organisation C with its coordinator, and a
 * second coordinator of A.
 */
export async function buildWideCast(db: Db) {
  const cast = await buildCast(db);
  const { network, orgA, orgB, otherNetwork } = cast;
  const orgC = await buildOrganisation(db, { networkId: otherNetwork.id, name: 'Org C' });
  const adminMentor = await buildPerson(db, {
    roles: [
      { role: 'network_admin', networkId: network.id },
      { role: 'mentor', networkId: network.id, organisationId: orgA.id },
    ],
  });
  const mentorCoordinator = await buildPerson(db, {
    roles: [
      { role: 'mentor', networkId: network.id, organisationId: orgA.id },
      { role: 'org_coordinator', networkId: network.id, organisationId: orgB.id },
    ],
  });
  const outsiderCoordinator = await buildPerson(db, {
    roles: [{ role: 'org_coordinator', networkId: otherNetwork.id, organisationId: orgC.id }],
  });
  // A second coordinator of A, so that A's HR is never only the applicant.
  const secondCoordinatorA = await buildPerson(db, {
    roles: [{ role: 'org_coordinator', networkId: network.id, organisationId: orgA.id }],
  });
  return { ...cast, orgC, adminMentor, mentorCoordinator, outsiderCoordinator, secondCoordinatorA };
}

/** The built-in application fields of a manager who has led staff since 2020. */
export const applicantBasics = {
  title: 'Chef',
  managementLevel: 'direct',
  staffCount: 5,
  managingStaffSince: '2020-01-01',
  sector: '',
  languages: [],
  meetingPlaces: [],
  maxTravelMinutes: null,
  gender: 'unspecified',
};
