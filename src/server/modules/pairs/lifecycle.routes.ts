import { z } from 'zod';
import { idParams } from '../../../shared/api.ts';
import {
  advisedPairsSchema,
  advisorContactBodySchema,
  advisorsBodySchema,
  advisorsSchema,
  changeOfMentorBodySchema,
  closingBodySchema,
  confidentialitySchema,
  contractBodySchema,
  contractSchema,
  decisionBodySchema,
  extensionBodySchema,
  pairLifecycleSchema,
  reasonBodySchema,
  requestParams,
  signBodySchema,
} from '../../../shared/pair-lifecycle.ts';
import { pairSummarySchema } from '../../../shared/pair-year.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import * as lifecycle from './lifecycle.service.ts';
import * as advisors from './lifecycle-advisors.service.ts';
import * as agreements from './lifecycle-agreements.service.ts';
import * as requests from './lifecycle-requests.service.ts';

const tags = ['pairs'];

/** The pair itself: its summary, acceptance and agreements, requests, decisions, advisors, closing. */
export async function lifecycleRoutes(app: App, deps: Deps) {
  const r = typed(app);
  const { db } = deps;

  r.get(
    '/api/pairs/:id',
    {
      schema: {
        tags,
        summary:
          "A pair's metadata: its parties, status and dates (the pair, its organisations' coordinators, administrators, advisors)",
        params: idParams,
        response: { 200: pairSummarySchema },
      },
    },
    async (request) => lifecycle.pairSummary(db, request.actor, request.params.id),
  );

  r.get(
    '/api/pairs/:id/lifecycle',
    {
      schema: {
        tags,
        summary:
          "The pair's status, who accepted and signed when, requests and decisions, and what the caller may do (metadata: never the contract's answers)",
        params: idParams,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) => lifecycle.lifecycleView(deps, request.actor, request.params.id),
  );

  r.post(
    '/api/pairs/:id/accept',
    {
      schema: {
        tags,
        summary: '"We want to do this together": one party accepts (the two only)',
        params: idParams,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) => lifecycle.accept(deps, request.actor, request.params.id),
  );

  r.get(
    '/api/pairs/:id/contract',
    {
      schema: {
        tags,
        summary:
          "The collaboration contract with the pair's answers and its signatures (the two only; audit-logged)",
        params: idParams,
        response: { 200: contractSchema },
      },
    },
    async (request) => agreements.getContract(deps, request.actor, request.params.id),
  );

  r.put(
    '/api/pairs/:id/contract',
    {
      schema: {
        tags,
        summary: "Save the contract's answers (either party); a change voids earlier signatures",
        params: idParams,
        body: contractBodySchema,
        response: { 200: contractSchema },
      },
    },
    async (request) => agreements.saveContract(deps, request.actor, request.params.id, request.body.answers),
  );

  r.post(
    '/api/pairs/:id/contract/sign',
    {
      schema: {
        tags,
        summary: 'Sign the contract as it stands with a typed name (the two only)',
        params: idParams,
        body: signBodySchema,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) => agreements.sign(deps, request.actor, request.params.id, 'contract', request.body),
  );

  r.get(
    '/api/pairs/:id/confidentiality',
    {
      schema: {
        tags,
        summary: "The programme's confidentiality agreement and who signed it (the two only)",
        params: idParams,
        response: { 200: confidentialitySchema },
      },
    },
    async (request) => agreements.getConfidentiality(deps, request.actor, request.params.id),
  );

  r.post(
    '/api/pairs/:id/confidentiality/sign',
    {
      schema: {
        tags,
        summary: 'Sign the confidentiality agreement with a typed name (the two only)',
        params: idParams,
        body: signBodySchema,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) =>
      agreements.sign(deps, request.actor, request.params.id, 'confidentiality', request.body),
  );

  r.post(
    '/api/pairs/:id/requests/change-of-mentor',
    {
      schema: {
        tags,
        summary: 'Ask for a change of mentor; the reason goes to those who run the programme only (the two)',
        params: idParams,
        body: changeOfMentorBodySchema,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) =>
      requests.requestChangeOfMentor(deps, request.actor, request.params.id, request.body.reason),
  );

  r.post(
    '/api/pairs/:id/requests/extension',
    {
      schema: {
        tags,
        summary: 'Ask to extend the mentorship by some months; the other party seconds it (the two)',
        params: idParams,
        body: extensionBodySchema,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) => requests.requestExtension(deps, request.actor, request.params.id, request.body),
  );

  r.post(
    '/api/pairs/:id/requests/:requestId/second',
    {
      schema: {
        tags,
        summary: "Join the other party's extension request (the two)",
        params: requestParams,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) =>
      requests.secondExtension(deps, request.actor, request.params.id, request.params.requestId),
  );

  r.post(
    '/api/pairs/:id/requests/:requestId/withdraw',
    {
      schema: {
        tags,
        summary: 'Take back one’s own open request',
        params: requestParams,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) =>
      requests.withdrawRequest(deps, request.actor, request.params.id, request.params.requestId),
  );

  r.post(
    '/api/pairs/:id/requests/:requestId/decide',
    {
      schema: {
        tags,
        summary:
          'Approve or decline a request with a reason (coordinators, administrators; approving a change of mentor ends the pair as re-matched)',
        params: requestParams,
        body: decisionBodySchema,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) =>
      requests.decideRequest(deps, request.actor, request.params.id, request.params.requestId, request.body),
  );

  r.post(
    '/api/pairs/:id/rematch',
    {
      schema: {
        tags,
        summary:
          'End the pair for a change of mentor, with a reason: the pair is forbidden in matching and the adept waits for a new mentor',
        params: idParams,
        body: reasonBodySchema,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) => requests.rematchPair(deps, request.actor, request.params.id, request.body.reason),
  );

  r.post(
    '/api/pairs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel the pair with a reason (coordinators, administrators)',
        params: idParams,
        body: reasonBodySchema,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) => requests.cancelPair(deps, request.actor, request.params.id, request.body.reason),
  );

  r.post(
    '/api/pairs/:id/close',
    {
      schema: {
        tags,
        summary:
          'Record that the closing conversation was held: the pair is closed and evaluations open (the two)',
        params: idParams,
        body: closingBodySchema,
        response: { 200: pairLifecycleSchema },
      },
    },
    async (request) => lifecycle.recordClosing(deps, request.actor, request.params.id),
  );

  r.post(
    '/api/pairs/:id/advisor-contact',
    {
      schema: {
        tags,
        summary: "Write to one of the programme's advisors; the message is mailed to them (the two)",
        params: idParams,
        body: advisorContactBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await advisors.contactAdvisor(deps, request.actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/programmes/:id/advisors',
    {
      schema: {
        tags: ['programmes'],
        summary: "The programme's advisors (administrators and coordinators)",
        params: idParams,
        response: { 200: advisorsSchema },
      },
    },
    async (request) => advisors.listAdvisors(db, request.actor, request.params.id),
  );

  r.put(
    '/api/programmes/:id/advisors',
    {
      schema: {
        tags: ['programmes'],
        summary: "Name the programme's advisors among the network's people (administrators)",
        params: idParams,
        body: advisorsBodySchema,
        response: { 200: advisorsSchema },
      },
    },
    async (request) => advisors.setAdvisors(deps, request.actor, request.params.id, request.body.personIds),
  );

  r.get(
    '/api/me/advised-pairs',
    {
      schema: {
        tags,
        summary: 'The pairs of the programmes the caller advises (metadata only)',
        response: { 200: advisedPairsSchema },
      },
    },
    async (request) => advisors.advisedPairs(db, request.actor),
  );
}
