import type { z } from 'zod';
import {
  type acceptInvitationBodySchema,
  type Invitation,
  type invitationBodySchema,
  invitationLifetimeDays,
} from '../../../shared/api.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, visibleOrganisationIds } from '../../authz/policy.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import type { OneTimeTokenTable } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { digestToken, newId, newSecretToken } from '../../util.ts';
import * as authRepo from '../auth/auth.repository.ts';
import { type ClientInfo, createSession, type NewSession } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { roleNames } from '../mail/mail.templates.ts';
import { findNetwork } from '../network/network.repository.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import * as repo from './invitations.repository.ts';
import * as people from './people.repository.ts';

/** The invitation as shown at `now` (an ISO instant): pending until it expires. */
function presentInvitation(row: repo.InvitationRow, now: string): Invitation {
  const status = row.revoked_at
    ? 'revoked'
    : row.accepted_at
      ? 'accepted'
      : row.expires_at <= now
        ? 'expired'
        : 'pending';
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Invitation['role'],
    organisationId: row.organisation_id,
    status,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

/** Everything one invitation writes: its row, its one-time token and the mail carrying the link. */
export interface InvitationDraft {
  invitation: repo.InvitationRow;
  token: OneTimeTokenTable;
  mail: {
    kind: 'invitation';
    to: string;
    locale: Locale;
    networkId: string;
    params: {
      link: string;
      inviter: string;
      network: string;
      organisation: string;
      roleName: string;
      days: number;
    };
  };
}

/**
 * Builds, without writing anything, the rows of one invitation: used by the single invitation and
 * by the bulk import, so both send the same mail with the same lifetime. Checks are the caller's.
 */
export function draftInvitation(input: {
  networkId: string;
  networkName: string;
  organisation: { id: string; name: string };
  email: string;
  name: string;
  role: Invitation['role'];
  locale: Locale;
  inviter: { personId: string; name: string };
  publicUrl: string;
  /** When it is sent (an ISO instant): it expires `invitationLifetimeDays` later. */
  now: string;
}): InvitationDraft {
  const { token, digest } = newSecretToken();
  const { now } = input;
  const invitation: repo.InvitationRow = {
    id: newId(),
    network_id: input.networkId,
    organisation_id: input.organisation.id,
    email: input.email,
    name: input.name,
    role: input.role,
    locale: input.locale,
    invited_by: input.inviter.personId,
    expires_at: new Date(Date.parse(now) + invitationLifetimeDays * 86_400_000).toISOString(),
    accepted_at: null,
    revoked_at: null,
    created_at: now,
  };
  return {
    invitation,
    token: {
      id: digest,
      purpose: 'invitation',
      person_id: null,
      invitation_id: invitation.id,
      expires_at: invitation.expires_at,
      used_at: null,
      created_at: now,
    },
    mail: {
      kind: 'invitation',
      to: input.email,
      locale: input.locale,
      networkId: input.networkId,
      params: {
        link: `${input.publicUrl}/invitation?token=${token}`,
        inviter: input.inviter.name,
        network: input.networkName,
        organisation: input.organisation.name,
        roleName: roleNames[input.locale][input.role] ?? input.role,
        days: invitationLifetimeDays,
      },
    },
  };
}

export async function listInvitations(
  db: Db,
  actor: Actor | null,
  networkId: string,
  now: string,
): Promise<Invitation[]> {
  authorize(actor, 'listInvitations', { type: 'network', networkId });
  const rows = await repo.listInvitations(db, networkId, visibleOrganisationIds(actor!, networkId));
  return rows.map((row) => presentInvitation(row, now));
}

export async function createInvitation(
  deps: { db: Db; mailer: Mailer; publicUrl: string; clock: Clock },
  actor: Actor | null,
  networkId: string,
  input: z.infer<typeof invitationBodySchema>,
): Promise<Invitation> {
  const { db, mailer } = deps;
  const now = deps.clock.now().toISOString();
  const network = await findNetwork(db, networkId);
  if (!network) throw notFound();
  authorize(actor, 'read', { type: 'network', networkId });
  const organisation = await findOrganisation(db, input.organisationId);
  if (!organisation || organisation.network_id !== networkId)
    throw AppError.validation('organisationId', 'not_in_network');
  authorize(actor, 'create', {
    type: 'invitation',
    networkId,
    organisationId: organisation.id,
    role: input.role,
  });

  const existing = await authRepo.findPersonByEmail(db, input.email);
  if (existing && (await people.hasRole(db, existing.id, input.role, organisation.id))) {
    throw AppError.validation('email', 'already_member');
  }
  if (await repo.findPendingInvitation(db, input.email, organisation.id, input.role, now)) {
    throw AppError.validation('email', 'duplicate');
  }

  const draft = draftInvitation({
    networkId,
    networkName: network.name,
    organisation,
    email: input.email,
    name: input.name,
    role: input.role,
    locale: input.locale,
    inviter: actor!,
    publicUrl: deps.publicUrl,
    now,
  });
  await db.transaction().execute(async (trx) => {
    await repo.insertInvitation(trx, draft.invitation);
    await authRepo.insertOneTimeToken(trx, draft.token);
    await mailer.enqueue(trx, draft.mail);
  });
  return presentInvitation(draft.invitation, now);
}

export async function revokeInvitation(
  db: Db,
  actor: Actor | null,
  id: string,
  now: string,
): Promise<Invitation> {
  const row = await repo.findInvitation(db, id);
  if (!row) throw notFound();
  const subject = {
    type: 'invitation' as const,
    networkId: row.network_id,
    organisationId: row.organisation_id,
    role: row.role,
  };
  authorize(actor, 'revoke', subject);
  if (row.accepted_at) throw new AppError('conflict');
  await repo.markRevoked(db, id, now);
  return presentInvitation({ ...row, revoked_at: row.revoked_at ?? now }, now);
}

async function invitationForToken(db: Db, token: string, now: string) {
  const used = await authRepo.findUsableToken(db, digestToken(token), 'invitation', now);
  const invitation = used?.invitation_id ? await repo.findInvitation(db, used.invitation_id) : undefined;
  if (!invitation || invitation.revoked_at || invitation.accepted_at) throw new AppError('token_invalid');
  return invitation;
}

export async function previewInvitation(db: Db, token: string, now: string) {
  const invitation = await invitationForToken(db, token, now);
  const network = await findNetwork(db, invitation.network_id);
  const organisation = invitation.organisation_id
    ? await findOrganisation(db, invitation.organisation_id)
    : undefined;
  const person = await authRepo.findPersonByEmail(db, invitation.email);
  return {
    email: invitation.email,
    name: person?.name ?? invitation.name,
    role: invitation.role as Invitation['role'],
    organisationName: organisation?.name ?? null,
    networkName: network?.name ?? '',
    hasAccount: person !== undefined,
  };
}

/**
 * Accepting proves the invitee reads mail at the invited address: an existing account gets the
 * role; otherwise an account is made with the chosen password. Either way the invitee is signed in.
 */
export async function acceptInvitation(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  input: z.infer<typeof acceptInvitationBodySchema>,
  client: ClientInfo,
): Promise<NewSession> {
  const { db } = deps;
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const used = await authRepo.consumeOneTimeToken(trx, digestToken(input.token), 'invitation', now);
    const invitation = used?.invitation_id ? await repo.findInvitation(trx, used.invitation_id) : undefined;
    if (!invitation || invitation.revoked_at || invitation.accepted_at) throw new AppError('token_invalid');
    let person = await authRepo.findPersonByEmail(trx, invitation.email);
    if (person?.disabled_at) throw new AppError('token_invalid');
    if (!person) {
      if (!passwordHash) throw AppError.validation('password', 'required');
      person = {
        id: newId(),
        email: invitation.email,
        name: input.name,
        title: null,
        phone: null,
        locale: invitation.locale as Locale,
        password_hash: passwordHash,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      };
      await authRepo.insertPerson(trx, person);
    }
    if (!(await people.hasRole(trx, person.id, invitation.role, invitation.organisation_id))) {
      await people.insertRoleAssignment(trx, {
        id: newId(),
        person_id: person.id,
        network_id: invitation.network_id,
        organisation_id: invitation.organisation_id,
        programme_id: null,
        role: invitation.role,
        created_at: now,
      });
    }
    await repo.markAccepted(trx, invitation.id, now);
    return createSession(trx, person.id, client, deps.config);
  });
}
