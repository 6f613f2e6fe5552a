import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import {
  ImportLimits,
  type ImportRowError,
  importFormSchema,
  importPreviewSchema,
  importResultSchema,
  networkParams,
} from '../../../shared/api.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import * as service from './imports.service.ts';

const tags = ['imports'];

const formDescription =
  'Send the file as multipart/form-data: the field `file` (CSV in UTF-8 with "," or ";", or XLSX, whose ' +
  'first sheet is read) and optionally `locale` (sv or en, the language of the invitation mails). The ' +
  'header row names the columns name/namn, email/e-post, organisation/organisationsnamn and role/roll; ' +
  'roles are adept, mentor, manager/chef or org_coordinator/koordinator. Row numbers count the header ' +
  `as row 1. At most ${ImportLimits.maxRows} rows, ${ImportLimits.maxColumns} columns and ` +
  `${ImportLimits.maxFileBytes / 1024 / 1024} MB. The commit also takes \`validRowsOnly\`: "true" ` +
  'invites the rows that pass every check and answers which rows were left out, with their errors.';

const limits = {
  fileSize: ImportLimits.maxFileBytes,
  files: 1,
  fields: 4,
  fieldSize: 1_000,
  parts: 5,
};

/**
 * The multipart body is read by the handler (through the service, after authorization), not by
 * the validator: the body schema is there for the OpenAPI document only.
 */
function multipartValidator(route: { schema: unknown; method: string; url: string; httpPart?: string }) {
  if (route.httpPart === 'body') return (data: unknown) => ({ value: data });
  return validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
}

/** Reads the form: the one file into memory (within the limit) and the small text fields. */
async function readImportForm(request: FastifyRequest): Promise<service.ImportUpload> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', [{ field: 'file', message: 'multipart_required' }]);
  let file: Buffer | null = null;
  let locale: string | undefined;
  let validRowsOnly: string | undefined;
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = content;
      } else if (part.fieldname === 'locale') {
        locale = String(part.value);
      } else if (part.fieldname === 'validRowsOnly') {
        validRowsOnly = String(part.value);
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  return { file, locale, validRowsOnly };
}

function uploadError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  const maxMegabytes = ImportLimits.maxFileBytes / 1024 / 1024;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('payload_too_large', [
      { field: 'file', message: 'file_too_large', params: { max: maxMegabytes } },
    ]);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('payload_too_large', [{ field: 'file', message: 'one_file_only' }]);
  // Malformed multipart (cut short, bad boundary): the file could not be received.
  return AppError.validation('file', 'invalid_format');
}

/** Row errors of refused commits, added to the problem (as `rowErrors`) when it is sent. */
const refusedRows = new WeakMap<FastifyRequest, ImportRowError[]>();

async function addRowErrors(request: FastifyRequest, _reply: unknown, payload: unknown) {
  const rowErrors = refusedRows.get(request);
  if (!rowErrors || typeof payload !== 'string') return payload;
  return JSON.stringify({ ...JSON.parse(payload), rowErrors });
}

export async function importRoutes(app: App, deps: Deps) {
  // Multipart parsing exists only in this module's scope; every other route still takes JSON only.
  await app.register(fastifyMultipart, { limits });
  const r = typed(app);
  const { db, config, mailer, clock } = deps;

  r.post(
    '/api/networks/:networkId/imports/preview',
    {
      validatorCompiler: multipartValidator,
      schema: {
        tags,
        summary:
          'Check a CSV or XLSX of people to invite; lists the rows and every row error, writes nothing',
        description: formDescription,
        consumes: ['multipart/form-data'],
        params: networkParams,
        body: importFormSchema,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) =>
      service.previewImport(
        db,
        request.actor,
        request.params.networkId,
        () => readImportForm(request),
        request.locale,
        clock.now().toISOString(),
      ),
  );

  r.post(
    '/api/networks/:networkId/imports',
    {
      validatorCompiler: multipartValidator,
      schema: {
        tags,
        summary:
          'Invite everyone in a CSV or XLSX in one transaction: all rows or none (400 naming each row and field as rows.<row>.<field>), or with validRowsOnly the valid rows, naming those left out',
        description: formDescription,
        consumes: ['multipart/form-data'],
        params: networkParams,
        body: importFormSchema,
        response: { 201: importResultSchema },
      },
      onSend: addRowErrors,
    },
    async (request, reply) => {
      try {
        const result = await service.commitImport(
          { db, mailer, publicUrl: config.publicUrl, clock },
          request.actor,
          request.params.networkId,
          () => readImportForm(request),
          request.locale,
        );
        return reply.status(201).send(result);
      } catch (error) {
        if (error instanceof service.ImportRejected)
          refusedRows.set(
            request,
            error.rowErrors.map((e) => service.translateRowError(request.locale, e)),
          );
        throw error;
      }
    },
  );
}
