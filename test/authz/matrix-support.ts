import type { buildWideCast } from '../factories.ts';
import type { TestServer } from '../support.ts';

/**
 * The authorization matrix's vocabulary, shared by its row files: the callers, what each is expected
 * to get, and what a row's request is made from.
 */
export const callers = [
  'anonymous',
  'disabled',
  'admin',
  'adminMentor',
  'coordinatorA',
  'coordinatorB',
  'mentorCoordinator',
  'manager',
  'mentor',
  'adept',
  'outsider',
  'outsiderCoordinator',
  'advisor',
  'otherPairMember',
] as const;
export type Caller = (typeof callers)[number];
export type Expectation = Record<Caller, number>;

export const everyone = (status: number): Expectation =>
  Object.fromEntries(callers.map((c) => [c, status])) as Expectation;
/** Signed-in callers get `status`; the anonymous and disabled get 401. */
export const signedIn = (status: number, overrides: Partial<Expectation> = {}): Expectation => ({
  ...everyone(status),
  anonymous: 401,
  disabled: 401,
  ...overrides,
});
/** Members of the network get `member`, its administrators `admin`, the other network 404. */
export const inNetwork = (admin: number, member: number, overrides: Partial<Expectation> = {}): Expectation =>
  signedIn(member, { admin, adminMentor: admin, outsider: 404, outsiderCoordinator: 404, ...overrides });
/** The network's coordinators (of A, of B, and the mentor of A who coordinates B) get `status`. */
export const coordinators = (status: number) => ({
  coordinatorA: status,
  coordinatorB: status,
  mentorCoordinator: status,
});

/**
 * A route about the fixture pair (ctx.pairId: cast.adept and cast.mentor, both of A): its two parties
 * get `parties`; those who run the programme (the administrators, A's coordinator) get `runners`; the
 * programme's advisor `advisor`; everyone else signed in, including another pair's member, the
 * coordinators of B and the adept's manager, gets `others` (404 unless said).
 */
export const pairRoute = (statuses: {
  parties: number;
  runners: number;
  advisor?: number;
  others?: number;
}): Expectation =>
  signedIn(statuses.others ?? 404, {
    adept: statuses.parties,
    mentor: statuses.parties,
    admin: statuses.runners,
    adminMentor: statuses.runners,
    coordinatorA: statuses.runners,
    advisor: statuses.advisor ?? statuses.others ?? 404,
  });

/** The route a row is about: its key without the description of what differs. */
export const routeOf = (key: string) => key.split(' ').slice(0, 2).join(' ');

export type Cast = Awaited<ReturnType<typeof buildWideCast>> & {
  /** A manager of B whom the pair's programme names as an advisor: sees the pair's metadata only. */
  advisor: { id: string; email: string };
  /** An adept of A in another pair of the same programme. */
  otherPairMember: { id: string; email: string };
};
export interface Context {
  server: TestServer;
  cast: Cast;
  programmeId: string;
  roundId: string;
  invitationId: string;
  /** A police programme, whose mentor training has steps to record. */
  policeProgrammeId: string;
  /** The adept's application (organisation A) to the main programme. */
  applicationId: string;
  /** A programme (five municipalities' template) with the fixture pair, an advisor and another pair. */
  pairProgrammeId: string;
  /** An active pair of cast.adept and cast.mentor (both of A) in that programme. */
  pairId: string;
  /** The other pair of the programme: cast.otherPairMember and a mentor of B. */
  otherPairId: string;
  caller: Caller;
}
export interface Request {
  path: string;
  body?: unknown;
  /** A multipart body (file uploads), sent instead of JSON. */
  form?: FormData;
}
export interface Row {
  expect: Expectation;
  request: (ctx: Context) => Promise<Request> | Request;
  /** Use a session of its own, for requests that end it. */
  ownSession?: boolean;
}

let sequence = 0;
export const unique = () => `${Date.now()}-${sequence++}`;
