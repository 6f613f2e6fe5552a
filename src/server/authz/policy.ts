import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

/**
 * The one place that decides who may do what. Every route asks `authorize` before it acts;
 * an action without a rule here is denied. What the actor may not even see answers 404, so
 * that ids of other organisations' data cannot be probed; what they see but may not change, 403.
 */

/** A role someone holds, as the rules weigh it. */
export interface HeldRole {
  role: string;
  networkId: string;
  organisationId: string | null;
}

export type Subject =
  | { type: 'network'; networkId: string }
  | { type: 'organisation'; networkId: string; organisationId: string }
  /** A person's account, with every role they hold in every network. */
  | { type: 'person'; personId: string; roles: HeldRole[] }
  /** A person as a participant in one network's programmes (training, experience exchange), with every role they hold. */
  | { type: 'participant'; networkId: string; personId: string; roles: HeldRole[] }
  | { type: 'invitation'; networkId: string; organisationId: string | null; role: string }
  | { type: 'programme'; networkId: string }
  | { type: 'application'; networkId: string; organisationId: string; applicantId: string };

// --- Small named predicates ---------------------------------------------------------------

export const isNetworkAdmin = (actor: Actor, networkId: string) =>
  actor.roles.some((r) => r.role === 'network_admin' && r.networkId === networkId);

export const isNetworkMember = (actor: Actor, networkId: string) =>
  actor.roles.some((r) => r.networkId === networkId);

export const coordinatesOrganisation = (actor: Actor, organisationId: string | null) =>
  organisationId !== null &&
  actor.roles.some((r) => r.role === 'org_coordinator' && r.organisationId === organisationId);

export const isCoordinatorIn = (actor: Actor, networkId: string) =>
  actor.roles.some((r) => r.role === 'org_coordinator' && r.networkId === networkId);

/** Organisations whose people this actor may see (all, for a network administrator). */
export function visibleOrganisationIds(actor: Actor, networkId: string): 'all' | string[] {
  if (isNetworkAdmin(actor, networkId)) return 'all';
  return actor.roles
    .filter((r) => r.role === 'org_coordinator' && r.networkId === networkId && r.organisationId)
    .map((r) => r.organisationId as string);
}

const isSelf = (actor: Actor, personId: string) => actor.personId === personId;

/** Roles a coordinator may hand out in their own organisation; coordinators are invited by administrators. */
const rolesCoordinatorsInvite = new Set(['manager', 'mentor', 'adept']);

/** The actor sees a person through this role: they administer its network or coordinate its organisation. */
export const seesRole = (actor: Actor, role: HeldRole) =>
  isNetworkAdmin(actor, role.networkId) || coordinatesOrganisation(actor, role.organisationId);

/**
 * The actor's authority covers this role: they could have given it. Administrators cover every role
 * in their network; coordinators cover managers, mentors and adepts of their own organisations.
 */
export const coversRole = (actor: Actor, role: HeldRole) =>
  isNetworkAdmin(actor, role.networkId) ||
  (rolesCoordinatorsInvite.has(role.role) && coordinatesOrganisation(actor, role.organisationId));

/**
 * Acting on someone's account (editing it, disabling it) reaches every role they hold, so the
 * actor's authority must cover all of them: a coordinator never acts on an administrator, a fellow
 * coordinator, or someone who also belongs to another organisation or network.
 */
export const coversEveryRole = (actor: Actor, roles: HeldRole[]) =>
  roles.length > 0 && roles.every((role) => coversRole(actor, role));

/** The participant's roles in the network the subject is about. */
const inNetwork = (s: { networkId: string; roles: HeldRole[] }) =>
  s.roles.filter((r) => r.networkId === s.networkId);

// --- Rules -----------------------------------------------------------------------------------

type Rules = {
  network: Record<string, (a: Actor, s: Extract<Subject, { type: 'network' }>) => boolean>;
  organisation: Record<string, (a: Actor, s: Extract<Subject, { type: 'organisation' }>) => boolean>;
  person: Record<string, (a: Actor, s: Extract<Subject, { type: 'person' }>) => boolean>;
  participant: Record<string, (a: Actor, s: Extract<Subject, { type: 'participant' }>) => boolean>;
  invitation: Record<string, (a: Actor, s: Extract<Subject, { type: 'invitation' }>) => boolean>;
  programme: Record<string, (a: Actor, s: Extract<Subject, { type: 'programme' }>) => boolean>;
  application: Record<string, (a: Actor, s: Extract<Subject, { type: 'application' }>) => boolean>;
};

const rules: Rules = {
  network: {
    read: (a, s) => isNetworkMember(a, s.networkId),
    listOrganisations: (a, s) => isNetworkMember(a, s.networkId),
    createOrganisation: (a, s) => isNetworkAdmin(a, s.networkId),
    listPeople: (a, s) => isNetworkAdmin(a, s.networkId) || isCoordinatorIn(a, s.networkId),
    listInvitations: (a, s) => isNetworkAdmin(a, s.networkId) || isCoordinatorIn(a, s.networkId),
    // Who may send a file at all; each row is then checked as one invitation ('create' below).
    importParticipants: (a, s) => isNetworkAdmin(a, s.networkId) || isCoordinatorIn(a, s.networkId),
    listProgrammes: (a, s) => isNetworkMember(a, s.networkId),
    createProgramme: (a, s) => isNetworkAdmin(a, s.networkId),
    readOutbox: (a, s) => isNetworkAdmin(a, s.networkId),
    readMentorPool: (a, s) => isNetworkAdmin(a, s.networkId) || isCoordinatorIn(a, s.networkId),
  },
  organisation: {
    // Organisation names are shared within a network: matching across organisations needs them.
    read: (a, s) => isNetworkMember(a, s.networkId),
    update: (a, s) => isNetworkAdmin(a, s.networkId),
  },
  person: {
    // Reading someone who belongs to your organisation or network is part of the job; acting on the account is not, unless you cover all of it.
    read: (a, s) => isSelf(a, s.personId) || s.roles.some((r) => seesRole(a, r)),
    update: (a, s) => isSelf(a, s.personId) || coversEveryRole(a, s.roles),
    disable: (a, s) => !isSelf(a, s.personId) && coversEveryRole(a, s.roles),
  },
  participant: {
    read: (a, s) => isSelf(a, s.personId) || inNetwork(s).some((r) => seesRole(a, r)),
    // The coordinator holds the mentor pool (seed 000): training and experience exchange of the
    // participants of their organisation are theirs to record; the administrator's for the whole network.
    recordTraining: (a, s) => inNetwork(s).some((r) => coversRole(a, r)),
  },
  invitation: {
    read: (a, s) => isNetworkAdmin(a, s.networkId) || coordinatesOrganisation(a, s.organisationId),
    // Inviting gives a role, and withdrawing an invitation takes it back: both need authority over the role.
    create: (a, s) => coversRole(a, s),
    revoke: (a, s) => coversRole(a, s),
  },
  programme: {
    read: (a, s) => isNetworkMember(a, s.networkId),
    update: (a, s) => isNetworkAdmin(a, s.networkId),
    apply: (a, s) => isNetworkMember(a, s.networkId),
    reviewApplications: (a, s) => isNetworkAdmin(a, s.networkId) || isCoordinatorIn(a, s.networkId),
  },
  application: {
    read: (a, s) =>
      isSelf(a, s.applicantId) ||
      isNetworkAdmin(a, s.networkId) ||
      coordinatesOrganisation(a, s.organisationId),
    update: (a, s) => isSelf(a, s.applicantId),
    withdraw: (a, s) => isSelf(a, s.applicantId),
  },
};

export type Action<T extends Subject['type']> = keyof Rules[T] & string;

export function can<S extends Subject>(actor: Actor | null, action: Action<S['type']>, subject: S): boolean {
  if (!actor) return false;
  const rule = (rules[subject.type] as Record<string, ((a: Actor, s: S) => boolean) | undefined>)[action];
  return rule ? rule(actor, subject) : false;
}

/** Throws unless the actor may act; answers 404 when they may not even see the subject. */
export function authorize<S extends Subject>(
  actor: Actor | null,
  action: Action<S['type']>,
  subject: S,
): void {
  if (!actor) throw new AppError('unauthenticated');
  if (can(actor, action, subject)) return;
  const visible = action === 'read' || can(actor, 'read' as Action<S['type']>, subject);
  throw new AppError(visible && action !== 'read' ? 'forbidden' : 'not_found');
}
