import { idParams } from '../../../shared/api.ts';
import {
  bookItemBodySchema,
  bookItemParams,
  bookItemSchema,
  clearBookBodySchema,
  clearBookResultSchema,
  exportQuerySchema,
  goalsSummarySchema,
  mentorBookSchema,
  sharedBookSchema,
} from '../../../shared/mentor-book.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { renderBookExport } from './book.export.ts';
import * as book from './book.service.ts';

const tags = ['mentor book'];

/**
 * The mentor book: the pair's content, for the two parties only (readContent / writeContent); the
 * coordinator reads only what a party shared with them on purpose (readShared). Every route answers
 * 404 to whoever may not see the pair or the item.
 */
export async function bookRoutes(app: App, deps: Deps) {
  const r = typed(app);

  r.get(
    '/api/pairs/:id/book',
    {
      schema: {
        tags,
        summary:
          "The caller's view of the mentor book: shared items and their own private ones (the pair only)",
        params: idParams,
        response: { 200: mentorBookSchema },
      },
    },
    async (request) => book.readBook(deps, request.actor, request.params.id),
  );

  r.get(
    '/api/pairs/:id/book/goals',
    {
      schema: {
        tags,
        summary: 'The goals with their latest progress rating, for the overview (the pair only)',
        params: idParams,
        response: { 200: goalsSummarySchema },
      },
    },
    async (request) => book.goalsSummary(deps, request.actor, request.params.id),
  );

  r.post(
    '/api/pairs/:id/book/items',
    {
      schema: {
        tags,
        summary:
          'Write an item: a SMART goal, an action step, a meeting log, a rating, a reflection, homework or a reading note',
        params: idParams,
        body: bookItemBodySchema,
        response: { 201: bookItemSchema },
      },
    },
    async (request, reply) => {
      const item = await book.createItem(deps, request.actor, request.params.id, request.body);
      return reply.status(201).send(item);
    },
  );

  r.put(
    '/api/pairs/:id/book/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Change an item (its author; shared goals and steps either party)',
        params: bookItemParams,
        body: bookItemBodySchema,
        response: { 200: bookItemSchema },
      },
    },
    async (request) =>
      book.updateItem(deps, request.actor, request.params.id, request.params.itemId, request.body),
  );

  r.delete(
    '/api/pairs/:id/book/items/:itemId',
    {
      schema: { tags, summary: 'Delete an item (its author only)', params: bookItemParams },
    },
    async (request, reply) => {
      await book.deleteItem(deps, request.actor, request.params.id, request.params.itemId);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/pairs/:id/book/items/:itemId/coordinator-share',
    {
      schema: {
        tags,
        summary: 'Share a shared item with the coordinator on purpose (its author only)',
        params: bookItemParams,
        response: { 200: bookItemSchema },
      },
    },
    async (request) =>
      book.shareWithCoordinator(deps, request.actor, request.params.id, request.params.itemId, true),
  );

  r.delete(
    '/api/pairs/:id/book/items/:itemId/coordinator-share',
    {
      schema: {
        tags,
        summary: 'Withdraw an item from the coordinator (its author only)',
        params: bookItemParams,
        response: { 200: bookItemSchema },
      },
    },
    async (request) =>
      book.shareWithCoordinator(deps, request.actor, request.params.id, request.params.itemId, false),
  );

  r.get(
    '/api/pairs/:id/book/shared',
    {
      schema: {
        tags,
        summary:
          "The items a party shared with the coordinator (the programme's coordinators and administrators)",
        params: idParams,
        response: { 200: sharedBookSchema },
      },
    },
    async (request) => book.sharedWithCoordinator(deps, request.actor, request.params.id),
  );

  r.get(
    '/api/pairs/:id/book/export',
    {
      schema: {
        tags,
        summary: "Download the caller's view of the mentor book as JSON or a readable HTML file",
        params: idParams,
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const result = await book.exportBook(deps, request.actor, request.params.id);
      const file = renderBookExport(result, request.query.format, request.locale);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  r.post(
    '/api/pairs/:id/book/clear',
    {
      schema: {
        tags,
        summary: "Clear one's own items, or (once the pair has ended) every shared item too",
        params: idParams,
        body: clearBookBodySchema,
        response: { 200: clearBookResultSchema },
      },
    },
    async (request) => book.clearBook(deps, request.actor, request.params.id, request.body.scope),
  );
}
