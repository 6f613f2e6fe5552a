import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import {
  defaultMatchingWeights,
  matchingCriteria,
  programmeTemplateKeys,
} from '../../../shared/programme.ts';

describe.each(dialects)('programmes on %s', (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let networkId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const cast = await buildCast(server.db);
    networkId = cast.network.id;
    admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
  });
  afterAll(() => server.close());

  it('lists the four built-in templates', async () => {
    const response = await admin.get('/api/programme-templates');
    expect(response.status).toBe(200);
    expect(response.body.map((t: { key: string }) => t.key).sort()).toEqual(
      [...programmeTemplateKeys].sort(),
    );
  });

  it.each(programmeTemplateKeys)(
    'creates a programme from the %s template with its settings',
    async (templateKey) => {
      const templates = (await admin.get('/api/programme-templates')).body;
      const template = templates.find((t: { key: string }) => t.key === templateKey);
      const created = await admin.post(`/api/networks/${networkId}/programmes`, {
        templateKey,
        name: `Programme ${templateKey}`,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ templateKey, name: `Programme ${templateKey}`, status: 'draft' });
      expect(created.body.settings).toEqual(template.settings);
      const fetched = await admin.get(`/api/programmes/${created.body.id}`);
      expect(fetched.body.settings).toEqual(template.settings);
      const listed = await admin.get(`/api/networks/${networkId}/programmes`);
      expect(listed.body.map((p: { id: string }) => p.id)).toContain(created.body.id);
    },
  );

  it('keeps the union branch process plan and the municipal fee from their templates', async () => {
    const union = await admin.post(`/api/networks/${networkId}/programmes`, {
      templateKey: 'union_branch',
      name: 'Facket',
    });
    const offsets = union.body.settings.processPlan.map((m: { offsetDays: number }) => m.offsetDays);
    expect(offsets).toEqual(expect.arrayContaining([7, 21, 42, 56]));
    const municipal = await admin.post(`/api/networks/${networkId}/programmes`, {
      templateKey: 'municipal_individual',
      name: 'Kommunerna',
    });
    expect(municipal.body.settings.fee).toMatchObject({ basis: 'per_adept_per_year', amountOre: 980_000 });
  });

  it('saves every edited setting: eligibility, approvals, milestones, events, fee', async () => {
    const created = await admin.post(`/api/networks/${networkId}/programmes`, {
      templateKey: 'agency_cohort',
      name: 'Västernorrland',
    });
    const settings = structuredClone(created.body.settings);
    settings.eligibility.adept.minMonthsManagingStaff = 12;
    settings.eligibility.mentor.minMonthsManagingStaff = 48;
    settings.matching.crossOrganisation = 'preferred';
    settings.duration = { months: 10, extensionMonths: 2, maxExtensions: 1 };
    settings.cadence.meetingEveryWeeksMin = 3;
    settings.approvalSteps = [
      {
        key: 'manager',
        approver: 'manager',
        appliesTo: ['adept', 'mentor'],
        approverName: { sv: 'närmaste chef', en: 'the line manager' },
        description: null,
      },
    ];
    settings.processPlan.push({
      key: 'midway-check',
      title: { sv: 'Avstämning', en: 'Check-in' },
      offsetDays: 120,
      roles: ['adept', 'mentor'],
      onlyFor: '',
    });
    settings.events.push({
      key: 'training',
      kind: 'training',
      title: { sv: 'Mentorsutbildning', en: 'Mentor training' },
      offsetDays: null,
      durationHours: 6,
      forRoles: ['mentor'],
    });
    settings.fee = { basis: 'per_adept', amountOre: 500_000, note: 'Faktureras organisationen' };

    const saved = await admin.put(`/api/programmes/${created.body.id}`, {
      name: 'Västernorrland 2026/27',
      description: 'Ny omgång',
      status: 'open',
      settings,
    });
    expect(saved.status).toBe(200);
    const fetched = await admin.get(`/api/programmes/${created.body.id}`);
    expect(fetched.body).toMatchObject({
      name: 'Västernorrland 2026/27',
      status: 'open',
      description: 'Ny omgång',
    });
    expect(fetched.body.settings).toEqual(settings);
  });

  it('refuses invalid settings naming the field, in the caller’s language, and changes nothing', async () => {
    const created = await admin.post(`/api/networks/${networkId}/programmes`, {
      templateKey: 'police_pool',
      name: 'Polisen',
    });
    const settings = structuredClone(created.body.settings);
    settings.processPlan[0].offsetDays = -3;
    settings.cadence.meetingEveryWeeksMax = 1;
    settings.cadence.meetingEveryWeeksMin = 8;
    const response = await admin.put(`/api/programmes/${created.body.id}`, {
      name: 'Polisen',
      description: '',
      status: 'open',
      settings,
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('settings.processPlan.0.offsetDays');
    expect(response.body.errors[0].message).toMatch(/minst|lägre/);
    const unchanged = await admin.get(`/api/programmes/${created.body.id}`);
    expect(unchanged.body.settings).toEqual(created.body.settings);
    expect(unchanged.body.status).toBe('draft');

    const duplicate = structuredClone(created.body.settings);
    duplicate.processPlan[1].key = duplicate.processPlan[0].key;
    admin.locale = 'en';
    const dup = await admin.put(`/api/programmes/${created.body.id}`, {
      name: 'Polisen',
      description: '',
      status: 'open',
      settings: duplicate,
    });
    admin.locale = 'sv';
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toEqual([{ field: 'settings.processPlan.1.key', message: 'Already exists.' }]);
  });

  it('saves the matching weights and who makes first contact, and refuses weights naming the field', async () => {
    const created = await admin.post(`/api/networks/${networkId}/programmes`, {
      templateKey: 'municipal_individual',
      name: 'Vikterna',
    });
    expect(created.body.settings.matching.weights).toEqual(defaultMatchingWeights);
    const put = (settings: unknown) =>
      admin.put(`/api/programmes/${created.body.id}`, {
        name: 'Vikterna',
        description: '',
        status: 'draft',
        settings,
      });

    const settings = structuredClone(created.body.settings);
    settings.matching.weights = { ...defaultMatchingWeights, developmentAreas: 600, sector: 0 };
    settings.matching.firstContact = 'mentor';
    const saved = await put(settings);
    expect(saved.status).toBe(200);
    const fetched = await admin.get(`/api/programmes/${created.body.id}`);
    expect(fetched.body.settings.matching).toEqual(settings.matching);

    const allZero = structuredClone(settings);
    allZero.matching.weights = Object.fromEntries(matchingCriteria.map((criterion) => [criterion, 0]));
    const zero = await put(allZero);
    expect(zero.status).toBe(400);
    expect(zero.body.errors).toEqual([
      { field: 'settings.matching.weights', message: 'Minst ett kriterium måste ha en vikt över 0.' },
    ]);

    const outOfRange = structuredClone(settings);
    outOfRange.matching.weights.sector = -1;
    outOfRange.matching.weights.travel = 1001;
    const range = await put(outOfRange);
    expect(range.status).toBe(400);
    expect(range.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'settings.matching.weights.sector',
      'settings.matching.weights.travel',
    ]);
    const unchanged = await admin.get(`/api/programmes/${created.body.id}`);
    expect(unchanged.body.settings.matching).toEqual(settings.matching);
  });

  it('manages rounds with dates, refusing an end before the start', async () => {
    const created = await admin.post(`/api/networks/${networkId}/programmes`, {
      templateKey: 'agency_cohort',
      name: 'Kohort',
    });
    const path = `/api/programmes/${created.body.id}/rounds`;
    const round = await admin.post(path, {
      name: '2026/27',
      startsOn: '2026-09-01',
      endsOn: '2027-05-31',
      applicationsOpenOn: '2026-04-01',
      applicationsCloseOn: '2026-06-15',
    });
    expect(round.status).toBe(201);
    const bad = await admin.put(`/api/rounds/${round.body.id}`, { ...round.body, endsOn: '2026-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('endsOn');
    const renamed = await admin.put(`/api/rounds/${round.body.id}`, {
      ...round.body,
      name: 'Omgång 2026/27',
    });
    expect(renamed.body.name).toBe('Omgång 2026/27');
    expect((await admin.get(path)).body).toHaveLength(1);
    expect((await admin.delete(`/api/rounds/${round.body.id}`)).status).toBe(204);
    expect((await admin.get(path)).body).toHaveLength(0);
  });
});
