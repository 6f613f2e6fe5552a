import { z } from 'zod';
import { idParams, tokenSchema } from '../../../shared/api.ts';
import {
  applicationDecisionBodySchema,
  applicationListQuerySchema,
  applicationSchema,
  applyBodySchema,
  approvalRequestSchema,
  approvalSchema,
  bulkActionBodySchema,
  bulkActionResultSchema,
  decidedApprovalSchema,
  decisionBodySchema,
  eligibilitySchema,
  mentorProfileSchema,
  profileBasicsSchema,
} from '../../../shared/intake.ts';
import { participantRoleSchema } from '../../../shared/roles.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { bodyAsSent } from '../../http/validation.ts';
import { recordAudit } from '../privacy/audit.ts';
import * as service from './applications.service.ts';
import * as approvals from './approvals.service.ts';
import { exportApplications } from './export.ts';

const tags = ['applications'];

export async function applicationRoutes(app: App, deps: Deps) {
  const r = typed(app);
  const { db, clock } = deps;

  r.post(
    '/api/programmes/:id/eligibility',
    {
      schema: {
        tags,
        summary: 'Check eligibility against the programme’s rules before applying (writes nothing)',
        params: idParams,
        body: z.object({
          role: participantRoleSchema,
          basics: profileBasicsSchema,
          mentor: mentorProfileSchema.optional(),
        }),
        response: { 200: eligibilitySchema },
      },
    },
    async (request) =>
      service.checkEligibility(
        db,
        request.actor,
        request.params.id,
        { role: request.body.role, basics: request.body.basics, mentor: request.body.mentor ?? null },
        request.locale,
        clock.now().toISOString(),
      ),
  );

  r.post(
    '/api/programmes/:id/applications',
    {
      schema: {
        tags,
        summary: 'Apply to a programme as adept or mentor, having read its personal-data notice',
        description:
          'A refusal (400) lists every problem at once: what the schema finds and what only the programme can say (its questions, the notice version, the application period).',
        params: idParams,
        body: applyBodySchema,
        response: { 201: applicationSchema },
      },
      // The service reports the schema's errors together with its own.
      attachValidation: true,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.applyToProgramme(
            deps,
            request.actor,
            request.params.id,
            bodyAsSent(request),
            request.locale,
          ),
        ),
  );

  r.get(
    '/api/programmes/:id/applications',
    {
      schema: {
        tags,
        summary: 'Applications to a programme (administrators: all; coordinators: their organisations)',
        params: idParams,
        querystring: applicationListQuerySchema,
        response: { 200: z.array(applicationSchema) },
      },
    },
    async (request) =>
      service.listProgrammeApplications(
        db,
        request.actor,
        request.params.id,
        request.query,
        request.locale,
        clock.now().toISOString(),
      ),
  );

  r.get(
    '/api/programmes/:id/applications/export',
    {
      schema: {
        tags,
        summary: 'The same list as a CSV or XLSX file',
        params: idParams,
        querystring: applicationListQuerySchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const now = clock.now();
      const list = await service.listProgrammeApplications(
        db,
        request.actor,
        request.params.id,
        filters,
        request.locale,
        now.toISOString(),
      );
      const file = await exportApplications(list, format, request.locale, now);
      await recordAudit(
        db,
        request.actor!,
        'export',
        'programme_applications',
        request.params.id,
        null,
        now.toISOString(),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  r.post(
    '/api/programmes/:id/applications/bulk',
    {
      schema: {
        tags,
        summary: 'Approve, reject or ask for completion of several applications at once',
        params: idParams,
        body: bulkActionBodySchema,
        response: { 200: bulkActionResultSchema },
      },
    },
    async (request) => service.bulkDecide(deps, request.actor, request.params.id, request.body),
  );

  r.get(
    '/api/me/applications',
    {
      schema: {
        tags,
        summary: 'Your own applications and where they stand',
        response: { 200: z.array(applicationSchema) },
      },
    },
    async (request) =>
      service.listOwnApplications(db, request.actor!, request.locale, clock.now().toISOString()),
  );

  r.get(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'One application with its eligibility and approval trail',
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) =>
      service.getApplication(db, request.actor, request.params.id, request.locale, clock.now().toISOString()),
  );

  r.put(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'Complete your application when the programme asked for it',
        description: 'A refusal (400) lists every problem at once, as when applying.',
        params: idParams,
        body: applyBodySchema,
        response: { 200: applicationSchema },
      },
      attachValidation: true,
    },
    async (request) =>
      service.resubmitApplication(
        deps,
        request.actor,
        request.params.id,
        bodyAsSent(request),
        request.locale,
      ),
  );

  r.post(
    '/api/applications/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Admit, reject (with a reason) or ask for completion (with what to complete) of one application; never your own',
        params: idParams,
        body: applicationDecisionBodySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) =>
      service.decideApplication(deps, request.actor, request.params.id, request.body, request.locale),
  );

  r.post(
    '/api/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw your application',
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => service.withdrawApplication(deps, request.actor, request.params.id, request.locale),
  );

  // --- Approvals ---

  r.get(
    '/api/approvals/by-token',
    {
      config: { public: true },
      schema: {
        tags: ['approvals'],
        summary: 'What a mailed approval link asks (no sign-in needed)',
        querystring: z.object({ token: tokenSchema }),
        response: { 200: approvalRequestSchema },
      },
    },
    async (request) => approvals.getApprovalByToken(deps, request.query.token, request.locale),
  );

  r.post(
    '/api/approvals/by-token/decide',
    {
      config: { public: true },
      schema: {
        tags: ['approvals'],
        summary: 'Approve or decline from a mailed link; declining needs a comment saying why',
        body: decisionBodySchema.extend({ token: tokenSchema }),
        response: { 200: approvalSchema },
      },
    },
    async (request) =>
      approvals.decideByToken(
        deps,
        request.actor,
        request.body.token,
        request.body.decision,
        request.body.comment ?? null,
      ),
  );

  r.get(
    '/api/me/approvals',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Approvals waiting for you',
        response: { 200: z.array(approvalRequestSchema) },
      },
    },
    async (request) => approvals.listOwnPendingApprovals(deps, request.actor!, request.locale),
  );

  r.get(
    '/api/me/approvals/decided',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Approvals you have decided, newest first: what, when, the decision and the comment',
        response: { 200: z.array(decidedApprovalSchema) },
      },
    },
    async (request) => approvals.listOwnDecidedApprovals(deps, request.actor!),
  );

  r.post(
    '/api/approvals/:id/decide',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Approve or decline an approval addressed to you; declining needs a comment saying why',
        params: idParams,
        body: decisionBodySchema,
        response: { 200: approvalSchema },
      },
    },
    async (request) =>
      approvals.decideAsSignedIn(
        deps,
        request.actor!,
        request.params.id,
        request.body.decision,
        request.body.comment ?? null,
      ),
  );
}
