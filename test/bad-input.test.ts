import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/connection.ts';
import { findProgrammeTemplate } from '../src/server/modules/programmes/programme.templates.ts';
import { applicantBasics, buildCast } from './factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from './support.ts';

/**
 * Every write route, fed missing, wrong-typed, oversized and malicious values, answers 4xx naming
 * the field and leaves the database as it was. Free text is a different case: a name containing
 * "<script>" or "'; drop table" is stored and returned verbatim — it is data, never markup or SQL.
 */

const script = '<script>alert(1)</script>';
const sqlMeta = "'; DROP TABLE people; --";
const huge = 'x'.repeat(100_000);

/** Tables whose content a refused request must not change (sessions and the audit log may be touched by reads). */
const watchedTables = [
  'networks',
  'organisations',
  'people',
  'role_assignments',
  'invitations',
  'one_time_tokens',
  'outbox',
  'programmes',
  'rounds',
  'rate_limits',
  'profiles',
  'privacy_notices',
  'applications',
  'application_approvals',
  'consents',
  'training_records',
  'experience_exchanges',
] as const;

async function snapshot(db: Db) {
  const parts: Record<string, unknown[]> = {};
  for (const table of watchedTables) {
    const order = table === 'rate_limits' ? 'key' : table === 'profiles' ? 'person_id' : 'id';
    parts[table] = await db
      .selectFrom(table)
      .selectAll()
      .orderBy(order as any)
      .execute();
  }
  return JSON.stringify(parts);
}

interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH';
  path: (ids: Ids) => string;
  /** A valid body, from which each case breaks one field. */
  body: (ids: Ids) => Record<string, unknown>;
  /** Fields with their wrong-typed, oversized and malicious values. */
  fields: Record<string, { wrongType: unknown; oversized?: unknown; malicious?: unknown }>;
}
interface Ids {
  networkId: string;
  organisationId: string;
  personId: string;
  programmeId: string;
  roundId: string;
}

const longToken = 'y'.repeat(300);
const settings = findProgrammeTemplate('agency_cohort').settings;

const writeRoutes: Record<string, WriteRoute> = {
  'sign-in': {
    method: 'POST',
    path: () => '/api/auth/sign-in',
    body: () => ({ email: 'someone@example.org', password: 'password' }),
    fields: {
      email: { wrongType: 42, oversized: `${huge}@example.org`, malicious: script },
      password: { wrongType: true, oversized: huge },
    },
  },
  'magic-link': {
    method: 'POST',
    path: () => '/api/auth/magic-link',
    body: () => ({ email: 'someone@example.org' }),
    fields: { email: { wrongType: ['a'], oversized: `${huge}@example.org`, malicious: sqlMeta } },
  },
  'magic-link verify': {
    method: 'POST',
    path: () => '/api/auth/magic-link/verify',
    body: () => ({ token: 'z'.repeat(43) }),
    fields: { token: { wrongType: 1, oversized: longToken } },
  },
  'password reset': {
    method: 'POST',
    path: () => '/api/auth/password-reset',
    body: () => ({ email: 'someone@example.org' }),
    fields: { email: { wrongType: null, malicious: script } },
  },
  'password reset confirm': {
    method: 'POST',
    path: () => '/api/auth/password-reset/confirm',
    body: () => ({ token: 'z'.repeat(43), password: 'a long enough password' }),
    fields: { token: { wrongType: {}, oversized: longToken }, password: { wrongType: 123, oversized: huge } },
  },
  me: {
    method: 'PATCH',
    path: () => '/api/me',
    body: () => ({ name: 'Anna', locale: 'sv' }),
    fields: { name: { wrongType: 5, oversized: huge }, locale: { wrongType: 1, malicious: script } },
  },
  'create organisation': {
    method: 'POST',
    path: (ids) => `/api/networks/${ids.networkId}/organisations`,
    body: () => ({ name: 'Ny kommun', kind: 'municipality', orgNumber: '212000-0142' }),
    fields: {
      name: { wrongType: [], oversized: huge },
      kind: { wrongType: 3, malicious: sqlMeta },
      orgNumber: { wrongType: 2120000142, oversized: huge, malicious: script },
    },
  },
  'update organisation': {
    method: 'PATCH',
    path: (ids) => `/api/organisations/${ids.organisationId}`,
    body: () => ({ name: 'Org A', kind: 'municipality' }),
    fields: { name: { wrongType: false, oversized: huge }, kind: { wrongType: null, malicious: script } },
  },
  'update person': {
    method: 'PATCH',
    path: (ids) => `/api/people/${ids.personId}`,
    body: () => ({ name: 'Sara', title: 'Rektor', disabled: false }),
    fields: {
      name: { wrongType: 1, oversized: huge },
      title: { wrongType: 2, oversized: huge },
      disabled: { wrongType: 'yes' },
    },
  },
  invite: {
    method: 'POST',
    path: (ids) => `/api/networks/${ids.networkId}/invitations`,
    body: (ids) => ({
      email: 'new@example.org',
      name: 'Ny',
      role: 'mentor',
      organisationId: ids.organisationId,
      locale: 'sv',
    }),
    fields: {
      email: { wrongType: 1, oversized: `${huge}@example.org`, malicious: script },
      name: { wrongType: {}, oversized: huge },
      role: { wrongType: 1, malicious: 'network_admin' },
      organisationId: { wrongType: 1, malicious: sqlMeta },
      locale: { wrongType: 2, malicious: 'de' },
    },
  },
  'accept invitation': {
    method: 'POST',
    path: () => '/api/invitations/accept',
    body: () => ({ token: 'z'.repeat(43), name: 'Ny', password: 'a long enough password' }),
    fields: {
      token: { wrongType: 1, oversized: longToken },
      name: { wrongType: 1, oversized: huge },
      password: { wrongType: 1, oversized: huge },
    },
  },
  'create programme': {
    method: 'POST',
    path: (ids) => `/api/networks/${ids.networkId}/programmes`,
    body: () => ({ templateKey: 'agency_cohort', name: 'Nytt program' }),
    fields: {
      templateKey: { wrongType: 1, malicious: sqlMeta },
      name: { wrongType: 1, oversized: huge },
      description: { wrongType: 1, oversized: huge },
    },
  },
  'update programme': {
    method: 'PUT',
    path: (ids) => `/api/programmes/${ids.programmeId}`,
    body: () => ({ name: 'Program', description: '', status: 'open', settings }),
    fields: {
      name: { wrongType: 1, oversized: huge },
      description: { wrongType: 1, oversized: huge },
      status: { wrongType: 1, malicious: script },
      settings: {
        wrongType: 'settings',
        oversized: { ...settings, extra: huge },
        malicious: { ...settings, fee: sqlMeta },
      },
    },
  },
  'create round': {
    method: 'POST',
    path: (ids) => `/api/programmes/${ids.programmeId}/rounds`,
    body: () => ({
      name: 'Omgång',
      startsOn: '2026-09-01',
      endsOn: null,
      applicationsOpenOn: null,
      applicationsCloseOn: null,
    }),
    fields: {
      name: { wrongType: 1, oversized: huge },
      startsOn: { wrongType: 20260901, malicious: sqlMeta },
      endsOn: { wrongType: true, malicious: '2026-02-30' },
    },
  },
  'update round': {
    method: 'PUT',
    path: (ids) => `/api/rounds/${ids.roundId}`,
    body: () => ({
      name: 'Omgång',
      startsOn: '2026-09-01',
      endsOn: null,
      applicationsOpenOn: null,
      applicationsCloseOn: null,
    }),
    fields: {
      name: { wrongType: 1, oversized: huge },
      startsOn: { wrongType: [], malicious: script },
      applicationsOpenOn: { wrongType: 1, malicious: sqlMeta },
    },
  },
  profile: {
    method: 'PUT',
    path: () => '/api/me/profile',
    body: () => ({ basics: applicantBasics, mentorPaused: false }),
    fields: {
      basics: {
        wrongType: 'basics',
        oversized: { ...applicantBasics, title: huge },
        malicious: { ...applicantBasics, staffCount: sqlMeta },
      },
      mentorPaused: { wrongType: 'yes' },
    },
  },
  'eligibility check': {
    method: 'POST',
    path: (ids) => `/api/programmes/${ids.programmeId}/eligibility`,
    body: () => ({ role: 'adept', basics: applicantBasics }),
    fields: {
      role: { wrongType: 1, malicious: 'network_admin' },
      basics: { wrongType: [], malicious: { ...applicantBasics, managingStaffSince: script } },
    },
  },
  apply: {
    method: 'POST',
    path: (ids) => `/api/programmes/${ids.programmeId}/applications`,
    body: (ids) => ({
      role: 'adept',
      organisationId: ids.organisationId,
      roundId: null,
      basics: applicantBasics,
      answers: {},
      noticeId: ids.organisationId,
      consents: [],
    }),
    fields: {
      role: { wrongType: 7, malicious: script },
      organisationId: { wrongType: 1, malicious: sqlMeta },
      basics: { wrongType: 'x', oversized: { ...applicantBasics, sector: huge } },
      answers: { wrongType: 'x', oversized: { q: huge } },
      noticeId: { wrongType: 1, malicious: script },
      consents: { wrongType: 'all', oversized: Array.from({ length: 100 }, () => 'x') },
    },
  },
  'bulk decision': {
    method: 'POST',
    path: (ids) => `/api/programmes/${ids.programmeId}/applications/bulk`,
    body: (ids) => ({ ids: [ids.organisationId], action: 'reject', reason: 'Nej' }),
    fields: {
      ids: {
        wrongType: 'x',
        oversized: Array.from({ length: 1000 }, () => crypto.randomUUID()),
        malicious: [sqlMeta],
      },
      action: { wrongType: 1, malicious: script },
      reason: { wrongType: 1, oversized: huge },
    },
  },
  'decide approval': {
    method: 'POST',
    path: (ids) => `/api/approvals/${ids.organisationId}/decide`,
    body: () => ({ decision: 'approve', comment: 'Ok' }),
    fields: { decision: { wrongType: true, malicious: script }, comment: { wrongType: 1, oversized: huge } },
  },
  'decide approval by link': {
    method: 'POST',
    path: () => '/api/approvals/by-token/decide',
    body: () => ({ token: 'z'.repeat(43), decision: 'approve' }),
    fields: { token: { wrongType: 1, oversized: longToken }, decision: { wrongType: 1, malicious: sqlMeta } },
  },
  consent: {
    method: 'POST',
    path: (ids) => `/api/programmes/${ids.programmeId}/consents`,
    body: () => ({ purpose: 'follow-up-contact' }),
    fields: { purpose: { wrongType: 1, oversized: huge } },
  },
  training: {
    method: 'POST',
    path: (ids) => `/api/people/${ids.personId}/training`,
    body: (ids) => ({ programmeId: ids.programmeId, stepKey: 'day-1', completedOn: '2026-10-01' }),
    fields: {
      programmeId: { wrongType: 1, malicious: sqlMeta },
      stepKey: { wrongType: 1, oversized: huge },
      completedOn: { wrongType: 20261001, malicious: script },
    },
  },
  'experience exchange': {
    method: 'POST',
    path: (ids) => `/api/people/${ids.personId}/experience-exchanges`,
    body: () => ({ year: 2026 }),
    fields: { year: { wrongType: '2026', oversized: 99999, malicious: sqlMeta } },
  },
};

/** Fields that may be left out of an otherwise valid body. */
const optionalFields = new Set([
  'me.name',
  'me.locale',
  'create organisation.orgNumber',
  'update person.name',
  'update person.title',
  'update person.disabled',
  'invite.locale',
  'accept invitation.password',
  'create programme.description',
  'profile.basics',
  'profile.mentorPaused',
  'bulk decision.reason',
  'decide approval.comment',
]);

describe.each(dialects)('bad input on %s', (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let ids: Ids;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const cast = await buildCast(server.db);
    admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
    const programme = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey: 'agency_cohort',
      name: 'Program',
    });
    const round = await admin.post(`/api/programmes/${programme.body.id}/rounds`, {
      name: 'Omgång',
      startsOn: '2026-09-01',
      endsOn: null,
      applicationsOpenOn: null,
      applicationsCloseOn: null,
    });
    ids = {
      networkId: cast.network.id,
      organisationId: cast.orgA.id,
      personId: cast.adept.id,
      programmeId: programme.body.id,
      roundId: round.body.id,
    };
  });
  afterAll(() => server.close());

  for (const [name, route] of Object.entries(writeRoutes)) {
    it(`${name}: refuses every broken field with 4xx, names it, and writes nothing`, async () => {
      const cases: { label: string; field: string; body: unknown }[] = [];
      for (const [field, bad] of Object.entries(route.fields)) {
        const valid = route.body(ids);
        if (!optionalFields.has(`${name}.${field}`)) {
          const { [field]: _omitted, ...missing } = valid;
          cases.push({ label: 'missing', field, body: missing });
        }
        cases.push({ label: 'wrong type', field, body: { ...valid, [field]: bad.wrongType } });
        if (bad.oversized !== undefined)
          cases.push({ label: 'oversized', field, body: { ...valid, [field]: bad.oversized } });
        if (bad.malicious !== undefined)
          cases.push({ label: 'malicious', field, body: { ...valid, [field]: bad.malicious } });
      }
      for (const { label, field, body } of cases) {
        const before = await snapshot(server.db);
        const response = await admin.request(route.method, route.path(ids), body);
        const context = `${label} ${field}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
        expect(response.status, context).toBeGreaterThanOrEqual(400);
        expect(response.status, context).toBeLessThan(500);
        expect(response.headers.get('content-type'), context).toContain('application/problem+json');
        const named = (response.body.errors ?? []).map((e: { field: string }) => e.field.split('.')[0]);
        expect(named, context).toContain(field);
        expect(await snapshot(server.db), context).toBe(before);
      }
    });
  }

  it('refuses a body that is not JSON, or too large, with 4xx', async () => {
    const before = await snapshot(server.db);
    const notJson = await admin.request(
      'POST',
      `/api/networks/${ids.networkId}/organisations`,
      '{"name": "x",',
      {},
    );
    expect(notJson.status).toBe(400);
    const tooLarge = await admin.request('POST', `/api/networks/${ids.networkId}/organisations`, {
      name: 'x'.repeat(2_000_000),
      kind: 'municipality',
    });
    expect(tooLarge.status).toBe(413);
    const badId = await admin.get('/api/organisations/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('id');
    expect(await snapshot(server.db)).toBe(before);
  });

  it('keeps script tags and SQL metacharacters in free text as plain data', async () => {
    const created = await admin.post(`/api/networks/${ids.networkId}/organisations`, {
      name: `${script} ${sqlMeta}`,
      kind: 'other',
    });
    expect(created.status).toBe(201);
    const fetched = await admin.get(`/api/organisations/${created.body.id}`);
    expect(fetched.body.name).toBe(`${script} ${sqlMeta}`);
    expect(fetched.headers.get('content-type')).toContain('application/json');
    const people = await server.db.selectFrom('people').select('id').execute();
    expect(people.length).toBeGreaterThan(0);
  });
});
