import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

/**
 * The one place that decides who may do what. Every route asks `authorize` before it acts;
 * an action without a rule here is denied. What the actor may not even see answers 404, so
 * that ids of other organisations' data cannot be probed; what they see but may not change, 403.
 */

export type Subject =
  | { type: 'network'; networkId: string }
  | { type: 'organisation'; networkId: string; organisationId: string }
  | { type: 'person'; networkId: string; personId: string; organisationIds: string[] }
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

export const coordinatesAnyOf = (actor: Actor, organisationIds: string[]) =>
  organisationIds.some((id) => coordinatesOrganisation(actor, id));

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

// --- Rules -----------------------------------------------------------------------------------

type Rules = {
  network: Record<string, (a: Actor, s: Extract<Subject, { type: 'network' }>) => boolean>;
  organisation: Record<string, (a: Actor, s: Extract<Subject, { type: 'organisation' }>) => boolean>;
  person: Record<string, (a: Actor, s: Extract<Subject, { type: 'person' }>) => boolean>;
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
    read: (a, s) =>
      isSelf(a, s.personId) || isNetworkAdmin(a, s.networkId) || coordinatesAnyOf(a, s.organisationIds),
    update: (a, s) =>
      isSelf(a, s.personId) || isNetworkAdmin(a, s.networkId) || coordinatesAnyOf(a, s.organisationIds),
    disable: (a, s) =>
      !isSelf(a, s.personId) && (isNetworkAdmin(a, s.networkId) || coordinatesAnyOf(a, s.organisationIds)),
    // The coordinator holds the mentor pool (seed 000): training and experience exchange are theirs to record.
    recordTraining: (a, s) => isNetworkAdmin(a, s.networkId) || coordinatesAnyOf(a, s.organisationIds),
  },
  invitation: {
    read: (a, s) => isNetworkAdmin(a, s.networkId) || coordinatesOrganisation(a, s.organisationId),
    create: (a, s) =>
      isNetworkAdmin(a, s.networkId) ||
      (coordinatesOrganisation(a, s.organisationId) && rolesCoordinatorsInvite.has(s.role)),
    revoke: (a, s) => isNetworkAdmin(a, s.networkId) || coordinatesOrganisation(a, s.organisationId),
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
