import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/factories.ts';
import { pairWithNeighbours } from '../../../../test/pair-support.ts';
import {
  dialects,
  startTestServer,
  TEST_MENTOR_BOOK_KEYS,
  TestClient,
  type TestServer,
} from '../../../../test/support.ts';
import { ManualClock } from '../../clock.ts';
import { newId } from '../../util.ts';
import { clearsOn, rewrapDataKeys } from './book.service.ts';
import { parseKeyring } from './content-crypto.ts';
import { runPairYearJobs } from './jobs.ts';
import { openForPair } from './pair-access.ts';

type Cast = Awaited<ReturnType<typeof buildCast>>;

describe('the retention rule’s date', () => {
  it('counts from the Swedish date the pair ended, not the UTC one', () => {
    // 23:30 UTC on New Year's Eve is already 1 January in Stockholm.
    expect(clearsOn('2026-12-31T23:30:00.000Z', 12)).toBe('2028-01-01');
    expect(clearsOn('2027-06-30T21:59:00.000Z', 1)).toBe('2027-07-30');
    expect(clearsOn('2027-06-30T22:00:00.000Z', 1)).toBe('2027-08-01');
    expect(clearsOn(null, 12)).toBeNull();
  });
});
type Who =
  | 'adept'
  | 'mentor'
  | 'admin'
  | 'coordinatorA'
  | 'coordinatorB'
  | 'manager'
  | 'advisor'
  | 'otherPairMember'
  | 'outsider';

const SECRET = 'Jag vill sluta springa till tåget – hemligt-7f3a';

const goal = (over: Record<string, unknown> = {}) => ({
  kind: 'goal',
  visibility: 'shared',
  content: {
    title: 'Gå till tåget',
    specific: 'Gå i stället för att springa från jobbet tre gånger i veckan',
    measurable: 'Jag för en lista över veckans dagar',
    achievable: 'Jag avslutar mötena tio minuter tidigare',
    relevant: 'Jag blir en lugnare chef',
    timeBound: '2027-06-30',
    ...over,
  },
});

describe.each(dialects)('the mentor book on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast & { advisor: { id: string; email: string }; otherPairMember: { id: string; email: string } };
  let pairId: string;
  const clock = new ManualClock('2026-12-01T09:00:00Z');
  const clients = new Map<Who, TestClient>();

  async function as(who: Who): Promise<TestClient> {
    let client = clients.get(who);
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(cast[who].email);
      clients.set(who, client);
    }
    return client;
  }

  async function write(who: Who, body: unknown, pair = pairId) {
    const response = await (await as(who)).post(`/api/pairs/${pair}/book/items`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  const book = async (who: Who, pair = pairId) => (await as(who)).get(`/api/pairs/${pair}/book`);

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock });
    const base = await buildCast(server.db);
    const { pair, advisor, otherPairMember } = await pairWithNeighbours(server.db, base, {
      planStartsOn: '2026-11-01',
    });
    cast = { ...base, advisor, otherPairMember };
    pairId = pair.pairId;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('writes, reads, edits and deletes items; a shared goal is both parties’ to edit', async () => {
    const created = await write('adept', goal());
    expect(created).toMatchObject({
      kind: 'goal',
      visibility: 'shared',
      author: { role: 'adept', isMe: true },
      canEdit: true,
      canDelete: true,
    });
    const seen = await book('mentor');
    expect(seen.status).toBe(200);
    const mine = seen.body.items.find((i: { id: string }) => i.id === created.id);
    expect(mine).toMatchObject({ author: { isMe: false }, canEdit: true, canDelete: false });
    expect(mine.content.title).toBe('Gå till tåget');

    const mentor = await as('mentor');
    const edited = await mentor.put(
      `/api/pairs/${pairId}/book/items/${created.id}`,
      goal({ title: 'Gå, inte spring' }),
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.content.title).toBe('Gå, inte spring');
    // Only the author decides who sees it, and only the author deletes it.
    const hide = await mentor.put(`/api/pairs/${pairId}/book/items/${created.id}`, {
      ...goal(),
      visibility: 'private',
    });
    expect(hide.status).toBe(400);
    expect(hide.body.errors[0].field).toBe('visibility');
    expect((await mentor.delete(`/api/pairs/${pairId}/book/items/${created.id}`)).status).toBe(403);

    // A step and two ratings under the goal; the summary shows the latest rating.
    await write('adept', {
      kind: 'action',
      visibility: 'shared',
      goalId: created.id,
      content: { what: 'Boka om fredagsmötet', dueOn: '2026-12-15', done: false },
    });
    await write('adept', {
      kind: 'progress',
      visibility: 'shared',
      goalId: created.id,
      content: { rating: 3, ratedOn: '2026-12-01', note: '' },
    });
    await write('mentor', {
      kind: 'progress',
      visibility: 'shared',
      goalId: created.id,
      content: { rating: 6, ratedOn: '2027-01-10', note: 'Bättre' },
    });
    const summary = await (await as('adept')).get(`/api/pairs/${pairId}/book/goals`);
    expect(summary.status).toBe(200);
    expect(summary.body.goals).toEqual([
      expect.objectContaining({ id: created.id, latestRating: 6, openSteps: 1, doneSteps: 0 }),
    ]);
    // The mentor's rating under the goal keeps the adept from deleting it.
    const refused = await (await as('adept')).delete(`/api/pairs/${pairId}/book/items/${created.id}`);
    expect(refused.status).toBe(400);

    const other = await write('adept', goal({ title: 'Delegera mer' }));
    expect((await (await as('adept')).delete(`/api/pairs/${pairId}/book/items/${other.id}`)).status).toBe(
      204,
    );
    expect((await book('adept')).body.items.some((i: { id: string }) => i.id === other.id)).toBe(false);
  });

  it('names every field that is wrong, all at once', async () => {
    const adept = await as('adept');
    const { measurable: _m, ...withoutMeasurable } = goal().content;
    const response = await adept.post(`/api/pairs/${pairId}/book/items`, {
      kind: 'goal',
      visibility: 'shared',
      content: { ...withoutMeasurable, timeBound: 'snart', specific: '' },
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['content.measurable', 'content.specific', 'content.timeBound']);

    const rating = await adept.post(`/api/pairs/${pairId}/book/items`, {
      kind: 'progress',
      visibility: 'shared',
      goalId: newId(),
      content: { rating: 11, ratedOn: '2026-12-01', note: '' },
    });
    expect(rating.status).toBe(400);
    expect(rating.body.errors.map((e: { field: string }) => e.field)).toEqual(['content.rating']);

    const noGoal = await adept.post(`/api/pairs/${pairId}/book/items`, {
      kind: 'progress',
      visibility: 'shared',
      goalId: newId(),
      content: { rating: 5, ratedOn: '2026-12-01', note: '' },
    });
    expect(noGoal.status).toBe(400);
    expect(noGoal.body.errors.map((e: { field: string }) => e.field)).toEqual(['goalId']);

    const badKind = await adept.post(`/api/pairs/${pairId}/book/items`, {
      kind: 'diary',
      visibility: 'shared',
    });
    expect(badKind.status).toBe(400);
  });

  it('keeps a private item its author’s alone: the other party gets 404 for it', async () => {
    const note = await write('adept', {
      kind: 'reflection',
      visibility: 'private',
      content: { prompt: 'Vad kan jag delegera?', dueOn: null, answer: SECRET },
    });
    const adeptView = await book('adept');
    expect(adeptView.body.items.some((i: { id: string }) => i.id === note.id)).toBe(true);
    const mentorView = await book('mentor');
    expect(JSON.stringify(mentorView.body)).not.toContain(SECRET);
    const mentor = await as('mentor');
    const path = `/api/pairs/${pairId}/book/items/${note.id}`;
    expect(
      (
        await mentor.put(path, {
          kind: 'reflection',
          visibility: 'shared',
          content: { prompt: 'x', dueOn: null, answer: '' },
        })
      ).status,
    ).toBe(404);
    expect((await mentor.delete(path)).status).toBe(404);
    expect((await mentor.post(`${path}/coordinator-share`)).status).toBe(404);
    const exported = await mentor.get(`/api/pairs/${pairId}/book/export?format=json`);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).not.toContain(SECRET);
    // A private goal's steps must be private too.
    const privateGoal = await write('mentor', { ...goal({ title: 'Mitt eget mål' }), visibility: 'private' });
    const shared = await mentor.post(`/api/pairs/${pairId}/book/items`, {
      kind: 'action',
      visibility: 'shared',
      goalId: privateGoal.id,
      content: { what: 'Steg', dueOn: '2027-01-01', done: false },
    });
    expect(shared.status).toBe(400);
    expect(shared.body.errors[0].field).toBe('visibility');
    // …and the adept cannot hang anything under it.
    const underIt = await (await as('adept')).post(`/api/pairs/${pairId}/book/items`, {
      kind: 'action',
      visibility: 'private',
      goalId: privateGoal.id,
      content: { what: 'Steg', dueOn: '2027-01-01', done: false },
    });
    expect(underIt.status).toBe(400);
    expect(underIt.body.errors[0].field).toBe('goalId');
  });

  it('gives no one outside the pair any content: 404 or 403 on every content route, no text in any answer', async () => {
    const item = await write('adept', {
      kind: 'meeting_log',
      visibility: 'shared',
      content: {
        heldOn: '2026-12-01',
        sinceLastTime: SECRET,
        dialogue: 'Om att delegera',
        beforeNextTime: 'Lista tre saker',
      },
    });
    const shareMe = await write('adept', goal({ title: 'Delat med koordinatorn' }));
    expect(
      (await (await as('adept')).post(`/api/pairs/${pairId}/book/items/${shareMe.id}/coordinator-share`))
        .status,
    ).toBe(200);
    const itemPath = `/api/pairs/${pairId}/book/items/${item.id}`;
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/pairs/${pairId}/book`],
      ['GET', `/api/pairs/${pairId}/book/goals`],
      ['GET', `/api/pairs/${pairId}/book/export?format=json`],
      ['GET', `/api/pairs/${pairId}/book/export?format=html`],
      ['POST', `/api/pairs/${pairId}/book/items`, goal()],
      ['PUT', itemPath, goal()],
      ['DELETE', itemPath],
      ['POST', `${itemPath}/coordinator-share`],
      ['DELETE', `${itemPath}/coordinator-share`],
      ['POST', `/api/pairs/${pairId}/book/clear`, { scope: 'own' }],
    ];
    const outsiders: Who[] = [
      'admin',
      'coordinatorA',
      'coordinatorB',
      'manager',
      'advisor',
      'otherPairMember',
      'outsider',
    ];
    for (const who of outsiders) {
      const client = await as(who);
      for (const [method, path, body] of routes) {
        const response = await client.request(method, path, body);
        expect([403, 404], `${who} ${method} ${path}`).toContain(response.status);
        expect(JSON.stringify(response.body), `${who} ${method} ${path}`).not.toContain(SECRET);
        expect(JSON.stringify(response.body)).not.toContain('Om att delegera');
      }
      const shared = await client.get(`/api/pairs/${pairId}/book/shared`);
      if (who === 'admin' || who === 'coordinatorA') {
        expect(shared.status).toBe(200);
        // Exactly the item shared on purpose, and nothing else.
        expect(shared.body.items.map((i: { id: string }) => i.id)).toEqual([shareMe.id]);
        expect(shared.body.items[0].content.title).toBe('Delat med koordinatorn');
        expect(JSON.stringify(shared.body)).not.toContain(SECRET);
      } else {
        expect([403, 404], `${who} shared`).toContain(shared.status);
      }
    }
    // The pair's own members do not use the coordinator's route.
    expect((await (await as('adept')).get(`/api/pairs/${pairId}/book/shared`)).status).toBe(403);
    // Nothing was changed by those requests.
    expect((await book('adept')).body.items.some((i: { id: string }) => i.id === item.id)).toBe(true);
  });

  it('shares with the coordinator only on purpose, by the author, and withdraws', async () => {
    const adept = await as('adept');
    const shared = await write('adept', {
      kind: 'homework',
      visibility: 'shared',
      content: { prompt: 'Läs kapitel 3', dueOn: '2027-01-15', answer: '' },
    });
    const priv = await write('adept', {
      kind: 'homework',
      visibility: 'private',
      content: { prompt: 'Privat uppgift', dueOn: null, answer: '' },
    });
    expect((await adept.post(`/api/pairs/${pairId}/book/items/${priv.id}/coordinator-share`)).status).toBe(
      400,
    );
    // The mentor cannot share the adept's words.
    expect(
      (await (await as('mentor')).post(`/api/pairs/${pairId}/book/items/${shared.id}/coordinator-share`))
        .status,
    ).toBe(403);
    const on = await adept.post(`/api/pairs/${pairId}/book/items/${shared.id}/coordinator-share`);
    expect(on.body.sharedWithCoordinatorAt).toBe(clock.now().toISOString());
    // Coordinator A is told, without a word of the content.
    const mails = await server.db
      .selectFrom('outbox')
      .select(['to_email', 'body_text', 'subject'])
      .where('kind', '=', 'book_shared_with_coordinator')
      .execute();
    expect(mails.map((m) => m.to_email)).toContain(cast.coordinatorA.email);
    for (const mail of mails)
      expect(`${mail.subject} ${mail.body_text}`).not.toMatch(/Läs kapitel 3|Delat med koordinatorn/);
    const coordinator = await as('coordinatorA');
    const seen = await coordinator.get(`/api/pairs/${pairId}/book/shared`);
    expect(seen.body.items.map((i: { id: string }) => i.id)).toContain(shared.id);
    expect(JSON.stringify(seen.body)).not.toContain('Privat uppgift');
    const off = await adept.delete(`/api/pairs/${pairId}/book/items/${shared.id}/coordinator-share`);
    expect(off.body.sharedWithCoordinatorAt).toBeNull();
    const after = await coordinator.get(`/api/pairs/${pairId}/book/shared`);
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(shared.id);
  });

  it('writes the audit log on reads, exports and the coordinator’s reads', async () => {
    const audit = (actorId: string, action: string, subject: string) =>
      server.db
        .selectFrom('audit_log')
        .select('id')
        .where('actor_id', '=', actorId)
        .where('action', '=', action)
        .where('subject_type', '=', subject)
        .where('subject_id', '=', pairId)
        .execute();
    const before = (await audit(cast.mentor.id, 'read', 'mentor_book')).length;
    await book('mentor');
    expect((await audit(cast.mentor.id, 'read', 'mentor_book')).length).toBe(before + 1);

    const exportsBefore = (await audit(cast.mentor.id, 'export', 'mentor_book')).length;
    const exported = await (await as('mentor')).get(`/api/pairs/${pairId}/book/export?format=html`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/html');
    expect(exported.headers.get('content-disposition')).toContain('attachment; filename="mentorbok-');
    expect(exported.body).toContain('Mötesanteckningar');
    expect((await audit(cast.mentor.id, 'export', 'mentor_book')).length).toBe(exportsBefore + 1);

    await (await as('coordinatorA')).get(`/api/pairs/${pairId}/book/shared`);
    expect((await audit(cast.coordinatorA.id, 'read', 'mentor_book_shared')).length).toBeGreaterThan(0);
  });

  it('ties a meeting log to one of the pair’s own meetings', async () => {
    const meetingId = newId();
    await server.db
      .insertInto('meetings')
      .values({
        id: meetingId,
        pair_id: pairId,
        uid: `${meetingId}@test`,
        starts_at: '2026-12-01T08:00:00.000Z',
        duration_minutes: 60,
        mode: 'in_person',
        location: 'Stadshuset',
        status: 'planned',
        held_at: null,
        created_by: cast.adept.id,
        created_at: '2026-11-20T08:00:00.000Z',
        updated_at: '2026-11-20T08:00:00.000Z',
        cancelled_at: null,
      })
      .execute();
    const log = {
      kind: 'meeting_log',
      visibility: 'shared',
      content: { heldOn: '2026-12-01', sinceLastTime: 'a', dialogue: 'b', beforeNextTime: 'c' },
    };
    const tied = await write('mentor', { ...log, meetingId });
    expect(tied.meetingId).toBe(meetingId);
    const wrong = await (await as('mentor')).post(`/api/pairs/${pairId}/book/items`, {
      ...log,
      meetingId: newId(),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('meetingId');
  });

  it('rotates the key: re-wraps every data key under the new one, content rows untouched', async () => {
    const before = await server.db
      .selectFrom('book_items')
      .select(['id', 'content'])
      .where('pair_id', '=', pairId)
      .execute();
    const newKey = `new:${Buffer.alloc(32, 9).toString('base64')}`;
    const rotated = parseKeyring(`${newKey},${TEST_MENTOR_BOOK_KEYS}`);
    expect(await rewrapDataKeys({ db: server.db, keyring: rotated })).toMatchObject({ remaining: 0 });
    expect(await rewrapDataKeys({ db: server.db, keyring: rotated })).toEqual({ rewrapped: 0, remaining: 0 });
    const after = await server.db
      .selectFrom('book_items')
      .select(['id', 'content'])
      .where('pair_id', '=', pairId)
      .execute();
    expect(after).toEqual(before);
    // The new key alone now opens the content.
    const onlyNew = parseKeyring(newKey);
    const { data_key } = await server.db
      .selectFrom('pairs')
      .select('data_key')
      .where('id', '=', pairId)
      .executeTakeFirstOrThrow();
    const row = after[0]!;
    expect(() =>
      openForPair(
        { keyring: onlyNew },
        data_key!,
        { table: 'book_items', column: 'content', rowId: row.id },
        row.content,
      ),
    ).not.toThrow();
    // And back, for the server, whose keyring holds the test key only.
    await rewrapDataKeys({ db: server.db, keyring: parseKeyring(`${TEST_MENTOR_BOOK_KEYS},${newKey}`) });
    expect((await book('adept')).status).toBe(200);
  });

  it('clears one’s own items; after closing, the shared ones; the retention rule clears the rest and shreds the key', async () => {
    const mentor = await as('mentor');
    const adept = await as('adept');
    const early = await adept.post(`/api/pairs/${pairId}/book/clear`, { scope: 'all_shared' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe('scope');

    const own = await mentor.post(`/api/pairs/${pairId}/book/clear`, { scope: 'own' });
    expect(own.status).toBe(200);
    expect(own.body.deleted).toBeGreaterThan(0);
    const left = (await book('mentor')).body.items;
    expect(left.every((i: { author: { isMe: boolean } }) => !i.author.isMe)).toBe(true);

    // The pair is closed on 2027-01-31; the programme keeps the book 12 months after.
    clock.set('2027-01-31T12:00:00Z');
    await server.db
      .updateTable('pairs')
      .set({ status: 'closed', closed_at: '2027-01-31T12:00:00.000Z' })
      .where('id', '=', pairId)
      .execute();
    const closedView = await book('adept');
    expect(closedView.body).toMatchObject({ pairClosed: true, clearsOn: '2028-01-31', clearedAt: null });
    const late = await adept.post(`/api/pairs/${pairId}/book/items`, goal());
    expect(late.status).toBe(409);

    const allShared = await mentor.post(`/api/pairs/${pairId}/book/clear`, { scope: 'all_shared' });
    expect(allShared.status).toBe(200);
    const adeptLeft = (await book('adept')).body.items;
    expect(adeptLeft.length).toBeGreaterThan(0);
    expect(adeptLeft.every((i: { visibility: string }) => i.visibility === 'private')).toBe(true);

    clock.set('2028-01-30T12:00:00Z');
    await runPairYearJobs(server.deps);
    expect((await book('adept')).body.items.length).toBe(adeptLeft.length);

    clock.set('2028-01-31T03:00:00Z');
    await runPairYearJobs(server.deps);
    const pair = await server.db
      .selectFrom('pairs')
      .select(['data_key', 'content_cleared_at'])
      .where('id', '=', pairId)
      .executeTakeFirstOrThrow();
    expect(pair).toEqual({ data_key: null, content_cleared_at: '2028-01-31T03:00:00.000Z' });
    const rows = await server.db
      .selectFrom('book_items')
      .select('id')
      .where('pair_id', '=', pairId)
      .execute();
    expect(rows).toEqual([]);
    const cleared = await book('adept');
    expect(cleared.body).toMatchObject({ items: [], clearedAt: '2028-01-31T03:00:00.000Z' });
    // Run again: nothing more to do, and no error.
    await runPairYearJobs(server.deps);
  });
});
