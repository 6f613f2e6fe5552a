import { z } from 'zod';
import {
  csrfResponseSchema,
  invitationSchema,
  organisationSchema,
  outboxMessageSchema,
  type Problem,
  personSchema,
  problemSchema,
} from '../shared/api.ts';
import {
  applicationSchema,
  approvalRequestSchema,
  consentSchema,
  poolMentorSchema,
} from '../shared/intake.ts';
import { programmeSchema, programmeTemplateSchema, roundSchema } from '../shared/programme.ts';
import i18n from './i18n.ts';

/** List shapes, defined once so that hooks can depend on them without re-running. */
export const organisationListSchema = z.array(organisationSchema);
export const personListSchema = z.array(personSchema);
export const invitationListSchema = z.array(invitationSchema);
export const programmeListSchema = z.array(programmeSchema);
export const programmeTemplateListSchema = z.array(programmeTemplateSchema);
export const roundListSchema = z.array(roundSchema);
export const outboxListSchema = z.array(outboxMessageSchema);
export const applicationListSchema = z.array(applicationSchema);
export const approvalRequestListSchema = z.array(approvalRequestSchema);
export const consentListSchema = z.array(consentSchema);
export const poolMentorListSchema = z.array(poolMentorSchema);

/** An error answer from the API, or a failure to reach it (status 0, code "network"). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Requests after which the session is a different one, and so is the CSRF token that goes with it. */
const sessionChangingPaths = new Set([
  '/api/auth/sign-in',
  '/api/auth/sign-out',
  '/api/auth/magic-link/verify',
  '/api/invitations/accept',
]);

let csrfToken: Promise<string> | null = null;
let onUnauthenticated: () => void = () => {};

function forgetCsrfToken(): void {
  csrfToken = null;
}

/** Called when the API answers 401 to a request made while signed in (the session has ended). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function getCsrfToken(): Promise<string> {
  csrfToken ??= request('GET', '/api/csrf', csrfResponseSchema).then(
    (response) => response.token,
    (error: unknown) => {
      csrfToken = null;
      throw error;
    },
  );
  return csrfToken;
}

async function send(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language,
  };
  // FormData goes as multipart/form-data; the browser writes that header with its boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await getCsrfToken();
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network' });
  }
}

async function readProblem(response: Response): Promise<Problem> {
  // Loose, so that a problem's extra members (such as an import's row errors) reach the page.
  const parsed = problemSchema.loose().safeParse(await response.json().catch(() => null));
  if (parsed.success) return parsed.data;
  return { type: 'about:blank', title: response.statusText, status: response.status, code: 'unknown' };
}

async function request<T>(
  method: Method,
  path: string,
  schema: z.ZodType<T> | null,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response = await send(method, path, body, signal);
  if (response.status === 403 && method !== 'GET') {
    const problem = await readProblem(response.clone());
    if (problem.code === 'csrf_invalid') {
      forgetCsrfToken();
      response = await send(method, path, body, signal);
    }
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && path !== '/api/session' && !path.startsWith('/api/auth/')) {
      forgetCsrfToken();
      onUnauthenticated();
    }
    throw new ApiError(problem);
  }
  if (sessionChangingPaths.has(path)) forgetCsrfToken();
  if (schema === null || response.status === 202 || response.status === 204) return undefined as T;
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected response',
      status: 0,
      code: 'bad_response',
    });
  }
  return parsed.data;
}

/** Builds a path with a query string, leaving out empty parameters. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const api = {
  get: <T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal) =>
    request('GET', path, schema, undefined, signal),
  post: <T>(path: string, body: unknown, schema: z.ZodType<T>) => request('POST', path, schema, body),
  /** A multipart/form-data POST (file uploads), with the CSRF token like every other change. */
  postForm: <T>(path: string, form: FormData, schema: z.ZodType<T>) => request('POST', path, schema, form),
  /** A POST whose answer carries no body the caller needs (202 or 204). */
  postVoid: (path: string, body?: unknown) => request<void>('POST', path, null, body),
  put: <T>(path: string, body: unknown, schema: z.ZodType<T>) => request('PUT', path, schema, body),
  patch: <T>(path: string, body: unknown, schema: z.ZodType<T>) => request('PATCH', path, schema, body),
  delete: (path: string) => request<void>('DELETE', path, null),
};
