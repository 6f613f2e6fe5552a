import { idParams } from '../../../shared/api.ts';
import {
  calendarFeedCreatedSchema,
  calendarFeedParams,
  calendarFeedStatusSchema,
  meetingBodySchema,
  meetingListSchema,
  meetingParams,
  meetingSchema,
} from '../../../shared/meetings.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { requireActor } from '../../http/request-context.ts';
import * as meetings from './meetings.service.ts';

const tags = ['meetings'];

/**
 * The pair's meetings (the two parties only: places and links are theirs) and one's personal
 * calendar feed, whose address is a secret token.
 */
export async function meetingsRoutes(app: App, deps: Deps) {
  const r = typed(app);

  r.get(
    '/api/pairs/:id/meetings',
    {
      schema: {
        tags,
        summary: "The pair's meetings, upcoming and earlier (the pair only)",
        params: idParams,
        response: { 200: meetingListSchema },
      },
    },
    async (request) => meetings.listMeetings(deps, request.actor, request.params.id),
  );

  r.post(
    '/api/pairs/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Book a meeting (Swedish date and time); both parties are mailed a calendar invitation',
        params: idParams,
        body: meetingBodySchema,
        response: { 201: meetingSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await meetings.bookMeeting(deps, request.actor, request.params.id, request.body)),
  );

  r.put(
    '/api/meetings/:meetingId',
    {
      schema: {
        tags,
        summary: 'Move or change a planned meeting; both parties are mailed the updated invitation',
        params: meetingParams,
        body: meetingBodySchema,
        response: { 200: meetingSchema },
      },
    },
    async (request) => meetings.changeMeeting(deps, request.actor, request.params.meetingId, request.body),
  );

  r.post(
    '/api/meetings/:meetingId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a planned meeting; both parties are mailed a cancellation for their calendars',
        params: meetingParams,
        response: { 200: meetingSchema },
      },
    },
    async (request) => meetings.cancelMeeting(deps, request.actor, request.params.meetingId),
  );

  r.post(
    '/api/meetings/:meetingId/held',
    {
      schema: {
        tags,
        summary: 'Mark a meeting held, once it has started',
        params: meetingParams,
        response: { 200: meetingSchema },
      },
    },
    async (request) => meetings.markHeldByParty(deps, request.actor, request.params.meetingId),
  );

  r.get(
    '/api/meetings/:meetingId/ics',
    {
      schema: { tags, summary: 'One meeting as an .ics file to add to a calendar', params: meetingParams },
    },
    async (request, reply) => {
      const file = await meetings.meetingFile(deps, request.actor, request.params.meetingId, request.locale);
      return reply
        .header('content-type', 'text/calendar; charset=UTF-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  r.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Whether one has a personal calendar feed, and since when (never its address)',
        response: { 200: calendarFeedStatusSchema },
      },
    },
    async (request) => meetings.feedStatus(deps, requireActor(request)),
  );

  r.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Make a new personal calendar feed address (any earlier one stops working); shown only now',
        response: { 201: calendarFeedCreatedSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await meetings.createFeed(deps, requireActor(request))),
  );

  r.delete(
    '/api/me/calendar-feed',
    { schema: { tags, summary: 'Turn off the personal calendar feed: its address stops working' } },
    async (request, reply) => {
      await meetings.revokeFeed(deps, requireActor(request));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/calendar/:file',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "A personal calendar feed (<token>.ics): the person's meetings; 404 for an unknown or revoked token",
        params: calendarFeedParams,
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const body = await meetings.renderFeed(deps, request.params.file);
      return reply.header('content-type', 'text/calendar; charset=UTF-8').send(body);
    },
  );
}
