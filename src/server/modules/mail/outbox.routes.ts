import { z } from 'zod';
import { networkParams, type OutboxMessage, outboxMessageSchema } from '../../../shared/api.ts';
import { authorize } from '../../authz/policy.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import * as repo from './outbox.repository.ts';

const listLimit = 200;
/** Mail that carries a sign-in or invitation link; its body is hidden once real mail is sent. */
const secretKinds = new Set(['magic_link', 'password_reset', 'invitation']);

export async function outboxRoutes(app: App, { db, mailer }: Deps) {
  typed(app).get(
    '/api/networks/:networkId/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Mail the system sent or keeps for the network (network administrators)',
        params: networkParams,
        response: { 200: z.array(outboxMessageSchema) },
      },
    },
    async (request) => {
      const { networkId } = request.params;
      authorize(request.actor, 'readOutbox', { type: 'network', networkId });
      const rows = await repo.listMessagesForNetwork(db, networkId, listLimit);
      return rows.map(
        (row): OutboxMessage => ({
          id: row.id,
          kind: row.kind,
          to: row.to_email,
          subject: row.subject,
          // Without a mail server the outbox is how links reach people (the demo); with one, an
          // administrator must not be able to use someone else's sign-in link.
          body: mailer.delivers && secretKinds.has(row.kind) ? '' : row.body_text,
          status: row.status as OutboxMessage['status'],
          createdAt: row.created_at,
          sentAt: row.sent_at,
        }),
      );
    },
  );
}
