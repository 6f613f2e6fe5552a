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
  | { type: 'application'; networkId: string; organisationId: string; applicantId: string }
  /** A proposed pair (or one adept's candidates) on the matching board: the people and their organisations. */
  | { type: 'proposal'; networkId: string; personIds: string[]; organisationIds: string[] }
  /** A published pair: its two parties, their organisations, and the programme's advisors. */
  | PairSubject
  | ApprovalSubject;

export interface PairSubject {
  type: 'pair';
  networkId: string;
  adeptId: string;
  mentorId: string;
  organisationIds: string[];
  /** People the programme names as advisors (seed 001): they see the pair's metadata, never its content. */
  advisorIds?: string[];
}

/** One step of an application's approval chain, with whom it is addressed to. */
export interface ApprovalSubject {
  type: 'approval';
  networkId: string;
  organisationId: string;
  applicantId: string;
  applicantEmail: string;
  approver: 'manager' | 'hr' | 'coordinator' | 'board';
  /** The person asked by name (and mailed the link), if any. */
  approverEmail: string | null;
  /** Whether the organisation has an active coordinator besides the applicant to answer for HR. */
  organisationHasOtherHr: boolean;
}

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

/** Nobody decides on their own application, or on a step of its approval chain. */
export const isOwnApplication = (actor: Actor, s: { applicantId: string }) =>
  actor.personId === s.applicantId;

const sameAddress = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/** A step addressed by e-mail to the applicant's own address: its link would let them approve themselves. */
export const isAddressedToApplicant = (s: ApprovalSubject) => sameAddress(s.approverEmail, s.applicantEmail);

/**
 * Whom a step asks: the person it names by e-mail; for HR, the organisation's coordinators, or the
 * network's administrators where the organisation has no coordinator besides the applicant; for the
 * coordinator and board steps, the network's administrators.
 */
export const isAddressedTo = (actor: Actor, s: ApprovalSubject) => {
  if (sameAddress(s.approverEmail, actor.email)) return true;
  switch (s.approver) {
    case 'hr':
      return s.organisationHasOtherHr
        ? coordinatesOrganisation(actor, s.organisationId)
        : isNetworkAdmin(actor, s.networkId);
    case 'coordinator':
    case 'board':
      return isNetworkAdmin(actor, s.networkId);
    default:
      return false;
  }
};

/**
 * Whether whoever holds a step's mailed link may decide with it: the link acts for the address it
 * was sent to, so never when that is the applicant's own address, nor for the applicant signed in.
 */
export function authorizeLinkDecision(actor: Actor | null, s: ApprovalSubject): void {
  if (isAddressedToApplicant(s) || (actor !== null && isOwnApplication(actor, s)))
    throw new AppError('forbidden', [{ field: 'decision', message: 'own_application' }]);
}

/** The actor coordinates one of these organisations (the organisations of a pair's two people). */
export const coordinatesAnyOf = (actor: Actor, organisationIds: string[]) =>
  organisationIds.some((id) => coordinatesOrganisation(actor, id));

/** The actor is one of the people a proposal or pair is about. */
export const isOneOf = (actor: Actor, personIds: string[]) => personIds.includes(actor.personId);

/** The actor is the adept or the mentor of the pair. */
export const isPartyTo = (actor: Actor, s: { adeptId: string; mentorId: string }) =>
  actor.personId === s.adeptId || actor.personId === s.mentorId;

/** The actor is one of the programme's advisors for this pair. */
export const isAdvisorTo = (actor: Actor, s: PairSubject) => (s.advisorIds ?? []).includes(actor.personId);

/** The organisations' coordinators and the network's administrators: those who run the programme. */
export const runsPair = (actor: Actor, s: PairSubject) =>
  isNetworkAdmin(actor, s.networkId) || coordinatesAnyOf(actor, s.organisationIds);

// --- Rules -----------------------------------------------------------------------------------

type Rules = {
  network: Record<string, (a: Actor, s: Extract<Subject, { type: 'network' }>) => boolean>;
  organisation: Record<string, (a: Actor, s: Extract<Subject, { type: 'organisation' }>) => boolean>;
  person: Record<string, (a: Actor, s: Extract<Subject, { type: 'person' }>) => boolean>;
  participant: Record<string, (a: Actor, s: Extract<Subject, { type: 'participant' }>) => boolean>;
  invitation: Record<string, (a: Actor, s: Extract<Subject, { type: 'invitation' }>) => boolean>;
  programme: Record<string, (a: Actor, s: Extract<Subject, { type: 'programme' }>) => boolean>;
  application: Record<string, (a: Actor, s: Extract<Subject, { type: 'application' }>) => boolean>;
  approval: Record<string, (a: Actor, s: ApprovalSubject) => boolean>;
  proposal: Record<string, (a: Actor, s: Extract<Subject, { type: 'proposal' }>) => boolean>;
  pair: Record<string, (a: Actor, s: PairSubject) => boolean>;
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
    // The matching board: administrators see all of it; coordinators run the programme's matching
    // with them (seed 003: "HR-nätverket och koordinatorn matchar") and see what involves their people.
    readMatching: (a, s) => isNetworkAdmin(a, s.networkId) || isCoordinatorIn(a, s.networkId),
    runMatching: (a, s) => isNetworkAdmin(a, s.networkId) || isCoordinatorIn(a, s.networkId),
  },
  application: {
    read: (a, s) =>
      isSelf(a, s.applicantId) ||
      isNetworkAdmin(a, s.networkId) ||
      coordinatesOrganisation(a, s.organisationId),
    update: (a, s) => isSelf(a, s.applicantId),
    withdraw: (a, s) => isSelf(a, s.applicantId),
    // The intake view's decisions (admit, reject, ask for completion): another coordinator of the
    // organisation or an administrator, never the applicant.
    decide: (a, s) =>
      !isOwnApplication(a, s) &&
      (isNetworkAdmin(a, s.networkId) || coordinatesOrganisation(a, s.organisationId)),
  },
  approval: {
    // A step is seen by those it is addressed to; anyone else is told it does not exist.
    read: (a, s) => isAddressedTo(a, s),
    decide: (a, s) => isAddressedTo(a, s) && !isOwnApplication(a, s) && !isAddressedToApplicant(s),
  },
  proposal: {
    // Coordinators see proposals involving their own organisation's people; administrators all.
    read: (a, s) => isNetworkAdmin(a, s.networkId) || coordinatesAnyOf(a, s.organisationIds),
    // Locking, forbidding, swapping and publishing: never a proposal about oneself.
    decide: (a, s) =>
      !isOneOf(a, s.personIds) && (isNetworkAdmin(a, s.networkId) || coordinatesAnyOf(a, s.organisationIds)),
  },
  pair: {
    // The pair's metadata (status, checklist, meeting times, cadence, check-in ratings): the parties,
    // those who run the programme, and the programme's advisors.
    read: (a, s) => isPartyTo(a, s) || runsPair(a, s) || isAdvisorTo(a, s),
    // Either party may decline, before or after their first conversation.
    decline: (a, s) => isPartyTo(a, s),
    // The pair's history with the reasons given is the coordinators' and administrators', not the parties'.
    readEvents: (a, s) => !isPartyTo(a, s) && runsPair(a, s),
    // Acting as one of the two: accepting, signing, booking meetings, ticking off milestones, the
    // check-in, asking for a change of mentor or an extension, contacting an advisor.
    participate: (a, s) => isPartyTo(a, s),
    // The mentor book and the contract's answers are the pair's alone (SPEC §5): no other role,
    // not an administrator, not a coordinator, not an advisor, reads or writes them.
    readContent: (a, s) => isPartyTo(a, s),
    writeContent: (a, s) => isPartyTo(a, s),
    // What the pair chose to share with the coordinator, item by item.
    readShared: (a, s) => !isPartyTo(a, s) && runsPair(a, s),
    // Deciding on the pair (an extension, ending it for a change of mentor, cancelling): never one's own.
    manage: (a, s) => !isPartyTo(a, s) && runsPair(a, s),
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
