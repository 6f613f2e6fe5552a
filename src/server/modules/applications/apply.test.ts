import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';

type Cast = Awaited<ReturnType<typeof buildCast>>;

/** Applying as people meet it: every error at once, and only within the round's application period. */
describe.each(dialects)('applying on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast;
  let admin: TestClient;
  let adept: TestClient;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    cast = await buildCast(server.db);
    admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
    adept = new TestClient(server.baseUrl);
    await adept.signIn(cast.adept.email);
  });
  afterAll(() => server.close());

  /** The five municipalities' programme (a required scale question for adepts, manager then HR), opened. */
  async function openProgramme(name: string) {
    const created = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey: 'municipal_individual',
      name,
    });
    const opened = await admin.put(`/api/programmes/${created.body.id}`, {
      name: created.body.name,
      description: created.body.description,
      status: 'open',
      settings: created.body.settings,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return opened.body.id as string;
  }

  async function addRound(programmeId: string, period: { opens: string | null; closes: string | null }) {
    const round = await admin.post(`/api/programmes/${programmeId}/rounds`, {
      name: 'Våren 2099',
      startsOn: '2099-08-01',
      endsOn: null,
      applicationsOpenOn: period.opens,
      applicationsCloseOn: period.closes,
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    return round.body.id as string;
  }

  async function body(programmeId: string, overrides: Record<string, unknown> = {}) {
    const notice = await adept.get(`/api/programmes/${programmeId}/privacy-notice`);
    return {
      role: 'adept',
      organisationId: cast.orgA.id,
      roundId: null,
      basics: {
        title: 'Enhetschef',
        managementLevel: 'direct',
        staffCount: 12,
        managingStaffSince: '2024-01-01',
        sector: '',
        languages: ['svenska'],
        meetingPlaces: [],
        maxTravelMinutes: null,
        gender: 'unspecified',
      },
      needs: {
        developmentAreas: ['change'],
        goals: 'Bli tryggare i chefsrollen',
        wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
      },
      answers: { confidence: 3 },
      manager: { name: 'Maria Chef', email: 'maria.chef@example.org' },
      noticeId: notice.body.id,
      consents: [],
      ...overrides,
    };
  }

  async function written(programmeId: string) {
    const applications = await server.db
      .selectFrom('applications')
      .select('id')
      .where('programme_id', '=', programmeId)
      .execute();
    const mails = await server.db
      .selectFrom('outbox')
      .select('id')
      .where('to_email', 'in', ['maria.chef@example.org', cast.adept.email])
      .execute();
    return { applications: applications.length, mails: mails.length };
  }

  it('answers every problem at once, the schema’s and the programme’s, each naming what to do', async () => {
    const programmeId = await openProgramme('Alla fel på en gång');
    const before = await written(programmeId);
    const sent = await body(programmeId, {
      basics: { ...(await body(programmeId)).basics, title: '' },
      needs: {
        developmentAreas: [],
        goals: '',
        wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
      },
      answers: {},
      manager: { name: '', email: 'inte-en-adress' },
    });
    const response = await adept.post(`/api/programmes/${programmeId}/applications`, sent);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'basics.title', message: 'Skriv din befattning.' },
      { field: 'needs.developmentAreas', message: 'Välj minst ett utvecklingsområde.' },
      { field: 'needs.goals', message: 'Skriv vad du vill uppnå med mentorskapet.' },
      { field: 'manager.name', message: 'Skriv namnet på din chef.' },
      { field: 'manager.email', message: 'Skriv din chefs e-postadress i formen namn@exempel.se.' },
      {
        field: 'answers.confidence',
        message: 'Välj ett svar på frågan ”Hur trygg känner du dig i chefsrollen i dag?”.',
      },
    ]);
    // Each message names its subject, so none needs the field's label in front of it.
    expect(response.body.genericFields).toBeUndefined();
    expect(await written(programmeId)).toEqual(before);

    adept.locale = 'en';
    const english = await adept.post(`/api/programmes/${programmeId}/applications`, sent);
    adept.locale = 'sv';
    expect(english.body.errors.map((e: { message: string }) => e.message)).toContain(
      'Choose an answer to the question “How confident do you feel in the manager role today?”.',
    );
    expect(english.body.errors.map((e: { message: string }) => e.message)).toContain(
      'Choose at least one development area.',
    );
  });

  it('marks the messages that do not name their field, and survives any body without writing', async () => {
    const programmeId = await openProgramme('Allmänna fel');
    const before = await written(programmeId);
    const sent = await body(programmeId, { basics: { ...(await body(programmeId)).basics, staffCount: -1 } });
    const response = await adept.post(`/api/programmes/${programmeId}/applications`, sent);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'basics.staffCount', message: 'Måste vara minst 0.' }]);
    expect(response.body.genericFields).toEqual(['basics.staffCount']);

    for (const garbage of ['"x"', 'null', '[1,2]', '{}', '{"role":{"x":1},"answers":"x"}']) {
      const refused = await adept.request('POST', `/api/programmes/${programmeId}/applications`, garbage);
      expect(refused.status, garbage).toBe(400);
    }
    expect(await written(programmeId)).toEqual(before);
  });

  it('refuses applying before the round’s period opens, naming the dates, and writes and mails nothing', async () => {
    const programmeId = await openProgramme('Öppnar senare');
    const roundId = await addRound(programmeId, { opens: '2099-03-01', closes: '2099-05-15' });
    const before = await written(programmeId);

    const toRound = await adept.post(
      `/api/programmes/${programmeId}/applications`,
      await body(programmeId, { roundId }),
    );
    expect(toRound.status).toBe(400);
    expect(toRound.body.errors).toEqual([
      {
        field: 'roundId',
        message:
          'Du kan ansöka till Våren 2099 från 1 mars 2099 till och med 15 maj 2099. Du kan inte ansöka förrän dess.',
      },
    ]);
    // Without a round named, the programme's rounds still decide.
    const noRound = await adept.post(`/api/programmes/${programmeId}/applications`, await body(programmeId));
    expect(noRound.status).toBe(400);
    expect(noRound.body.errors[0].field).toBe('roundId');

    adept.locale = 'en';
    const english = await adept.post(
      `/api/programmes/${programmeId}/applications`,
      await body(programmeId, { roundId }),
    );
    adept.locale = 'sv';
    expect(english.body.errors[0].message).toBe(
      'You can apply to Våren 2099 from 1 March 2099 to 15 May 2099. You cannot apply before then.',
    );

    // Together with the form's own problems, in one answer.
    const both = await adept.post(
      `/api/programmes/${programmeId}/applications`,
      await body(programmeId, { roundId, answers: {} }),
    );
    expect(both.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'roundId',
      'answers.confidence',
    ]);
    expect(await written(programmeId)).toEqual(before);
  });

  it('refuses a round whose period has passed, and takes one that is open', async () => {
    const programmeId = await openProgramme('Stängd och öppen');
    const closed = await addRound(programmeId, { opens: '2020-01-01', closes: '2020-02-15' });
    const refused = await adept.post(
      `/api/programmes/${programmeId}/applications`,
      await body(programmeId, { roundId: closed }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'roundId', message: 'Sista dagen att ansöka till Våren 2099 var 15 februari 2020.' },
    ]);

    const open = await addRound(programmeId, { opens: '2020-01-01', closes: null });
    const taken = await adept.post(
      `/api/programmes/${programmeId}/applications`,
      await body(programmeId, { roundId: open }),
    );
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const mail = await server.db
      .selectFrom('outbox')
      .select('kind')
      .where('to_email', '=', 'maria.chef@example.org')
      .where('kind', '=', 'approval_requested')
      .execute();
    expect(mail.length).toBeGreaterThan(0);

    // Completing what the coordinator asks for is part of an application sent in time: the period
    // has closed since, and the completion is still taken.
    await server.db
      .updateTable('rounds')
      .set({ applications_close_on: '2020-02-15' })
      .where('id', '=', open)
      .execute();
    const asked = await admin.post(`/api/programmes/${programmeId}/applications/bulk`, {
      ids: [taken.body.id],
      action: 'request_completion',
      reason: 'Beskriv dina mål tydligare.',
    });
    expect(asked.body.updated).toEqual([taken.body.id]);
    const completed = await adept.put(
      `/api/applications/${taken.body.id}`,
      await body(programmeId, { roundId: open }),
    );
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);

    // Moving it to another round, though, is applying to that round.
    await admin.post(`/api/programmes/${programmeId}/applications/bulk`, {
      ids: [taken.body.id],
      action: 'request_completion',
      reason: 'En gång till.',
    });
    const moved = await adept.put(
      `/api/applications/${taken.body.id}`,
      await body(programmeId, { roundId: closed, answers: {} }),
    );
    expect(moved.status).toBe(400);
    expect(moved.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'roundId',
      'answers.confidence',
    ]);
  });
});
