import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/factories.ts';
import {
  dialects,
  startTestServer,
  TEST_PASSWORD,
  TestClient,
  type TestServer,
} from '../../../../test/support.ts';

describe.each(dialects)('invitations on %s', (dialect) => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let admin: TestClient;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    cast = await buildCast(server.db);
    admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
  });
  afterAll(() => server.close());

  async function linkSentTo(email: string) {
    const mail = await server.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_email', '=', email)
      .where('kind', '=', 'invitation')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return { mail, token: /token=([\w-]+)/.exec(mail.body_text)![1]! };
  }

  it('lets an administrator invite a coordinator, who accepts, signs in and invites a mentor of their organisation', async () => {
    const invited = await admin.post(`/api/networks/${cast.network.id}/invitations`, {
      email: 'Ny.Koordinator@Example.org',
      name: 'Nina Koordinator',
      role: 'org_coordinator',
      organisationId: cast.orgA.id,
      locale: 'en',
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: 'ny.koordinator@example.org',
      status: 'pending',
      role: 'org_coordinator',
    });

    const { mail, token } = await linkSentTo('ny.koordinator@example.org');
    expect(mail.subject).toContain('Invitation');
    expect(mail.body_text).toContain('Org A');

    // The administrator reads the mail on the sent-mail page, as in the demo without a mail server.
    const outbox = await admin.get(`/api/networks/${cast.network.id}/outbox`);
    expect(outbox.body.map((m: { to: string }) => m.to)).toContain('ny.koordinator@example.org');

    const visitor = new TestClient(server.baseUrl);
    const preview = await visitor.get(`/api/invitations/preview?token=${token}`);
    expect(preview.body).toMatchObject({
      organisationName: 'Org A',
      hasAccount: false,
      role: 'org_coordinator',
    });

    const missingPassword = await visitor.post('/api/invitations/accept', { token, name: 'Nina K' });
    expect(missingPassword.status).toBe(400);
    expect(missingPassword.body.errors[0].field).toBe('password');

    const accepted = await visitor.post('/api/invitations/accept', {
      token,
      name: 'Nina K',
      password: 'nina has a passphrase',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.roles).toEqual([
      expect.objectContaining({ role: 'org_coordinator', organisationId: cast.orgA.id }),
    ]);
    expect(accepted.body.person.locale).toBe('en');
    expect(
      (
        await visitor.post('/api/invitations/accept', {
          token,
          name: 'Again',
          password: 'nina has a passphrase',
        })
      ).status,
    ).toBe(410);

    const coordinator = new TestClient(server.baseUrl);
    await coordinator.signIn('ny.koordinator@example.org', 'nina has a passphrase');
    const mentorInvite = await coordinator.post(`/api/networks/${cast.network.id}/invitations`, {
      email: 'mentor.ny@example.org',
      name: 'Mentor Ny',
      role: 'mentor',
      organisationId: cast.orgA.id,
    });
    expect(mentorInvite.status).toBe(201);
    // Coordinators invite people to their own organisation only, and never other coordinators.
    const otherOrg = await coordinator.post(`/api/networks/${cast.network.id}/invitations`, {
      email: 'someone@example.org',
      name: 'Someone',
      role: 'mentor',
      organisationId: cast.orgB.id,
    });
    expect(otherOrg.status).toBe(404);
    const coordinatorInvite = await coordinator.post(`/api/networks/${cast.network.id}/invitations`, {
      email: 'coord2@example.org',
      name: 'Coord Two',
      role: 'org_coordinator',
      organisationId: cast.orgA.id,
    });
    expect(coordinatorInvite.status).toBe(403);
  });

  it('adds the role to an existing account without asking for a new password', async () => {
    await admin.post(`/api/networks/${cast.network.id}/invitations`, {
      email: cast.mentor.email,
      name: cast.mentor.name,
      role: 'adept',
      organisationId: cast.orgA.id,
    });
    const { token } = await linkSentTo(cast.mentor.email);
    const visitor = new TestClient(server.baseUrl);
    expect((await visitor.get(`/api/invitations/preview?token=${token}`)).body.hasAccount).toBe(true);
    const accepted = await visitor.post('/api/invitations/accept', { token, name: cast.mentor.name });
    expect(accepted.status).toBe(200);
    expect(accepted.body.roles.map((r: { role: string }) => r.role).sort()).toEqual(['adept', 'mentor']);
    await new TestClient(server.baseUrl).signIn(cast.mentor.email, TEST_PASSWORD);
  });

  it('refuses a duplicate pending invitation and a role the person already has', async () => {
    const body = { email: 'dup@example.org', name: 'Dup', role: 'manager', organisationId: cast.orgA.id };
    expect((await admin.post(`/api/networks/${cast.network.id}/invitations`, body)).status).toBe(201);
    const again = await admin.post(`/api/networks/${cast.network.id}/invitations`, body);
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('email');
    const already = await admin.post(`/api/networks/${cast.network.id}/invitations`, {
      email: cast.adept.email,
      name: 'Adept',
      role: 'adept',
      organisationId: cast.orgA.id,
    });
    expect(already.status).toBe(400);
    expect(already.body.errors[0].field).toBe('email');
  });

  it('makes a revoked invitation’s link useless', async () => {
    const invited = await admin.post(`/api/networks/${cast.network.id}/invitations`, {
      email: 'revoked@example.org',
      name: 'Revoked',
      role: 'adept',
      organisationId: cast.orgB.id,
    });
    const { token } = await linkSentTo('revoked@example.org');
    const revoked = await admin.post(`/api/invitations/${invited.body.id}/revoke`);
    expect(revoked.body.status).toBe('revoked');
    const visitor = new TestClient(server.baseUrl);
    expect((await visitor.get(`/api/invitations/preview?token=${token}`)).status).toBe(410);
    expect(
      (await visitor.post('/api/invitations/accept', { token, name: 'X', password: 'long enough pass' }))
        .status,
    ).toBe(410);
  });

  it('lets a coordinator disable an account in their organisation, which ends its sessions', async () => {
    const coordinator = new TestClient(server.baseUrl);
    await coordinator.signIn(cast.coordinatorB.email);
    const adeptB = new TestClient(server.baseUrl);
    await adeptB.signIn(cast.adeptB.email);
    const disabled = await coordinator.patch(`/api/people/${cast.adeptB.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await adeptB.get('/api/session')).status).toBe(401);
    // Not their own account, and not someone outside their organisation.
    expect((await coordinator.patch(`/api/people/${cast.coordinatorB.id}`, { disabled: true })).status).toBe(
      403,
    );
    expect((await coordinator.patch(`/api/people/${cast.adept.id}`, { disabled: true })).status).toBe(404);
  });

  it('gives a coordinator who invites the administrator into their organisation no hold over the administrator’s account', async () => {
    const coordinator = new TestClient(server.baseUrl);
    await coordinator.signIn(cast.coordinatorA.email);
    const invited = await coordinator.post(`/api/networks/${cast.network.id}/invitations`, {
      email: cast.admin.email,
      name: cast.admin.name,
      role: 'mentor',
      organisationId: cast.orgA.id,
    });
    expect(invited.status).toBe(201);
    const { token } = await linkSentTo(cast.admin.email);
    const accepted = await new TestClient(server.baseUrl).post('/api/invitations/accept', {
      token,
      name: cast.admin.name,
    });
    expect(accepted.status).toBe(200);

    // The administrator is now a mentor in A: the coordinator sees them, but may not change or close the account.
    const seen = await coordinator.get(`/api/people/${cast.admin.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.roles.map((r: { role: string }) => r.role).sort()).toEqual(['mentor', 'network_admin']);
    expect((await coordinator.patch(`/api/people/${cast.admin.id}`, { name: 'Someone else' })).status).toBe(
      403,
    );
    expect((await coordinator.patch(`/api/people/${cast.admin.id}`, { disabled: true })).status).toBe(403);
    expect((await admin.get('/api/session')).status).toBe(200);
    const person = await admin.get(`/api/people/${cast.admin.id}`);
    expect(person.body).toMatchObject({ name: cast.admin.name, disabled: false });
  });
});
