import { z } from 'zod';
import { localeSchema, organisationKindSchema, organisationRoleSchema, roleSchema } from './roles.ts';
import { singleLineText } from './text.ts';

/** Request and response shapes shared by the server (validation, OpenAPI) and the client. */

export const Limits = {
  emailMax: 254,
  nameMax: 120,
  titleMax: 120,
  passwordMin: 10,
  passwordMax: 200,
  tokenMax: 200,
} as const;

export const idSchema = z.uuid();
export const idParams = z.object({ id: idSchema });
export const networkParams = z.object({ networkId: idSchema });

export const emailSchema = z.string().trim().toLowerCase().max(Limits.emailMax).pipe(z.email());
export const personNameSchema = singleLineText.min(1).max(Limits.nameMax);
export const passwordSchema = z.string().min(Limits.passwordMin).max(Limits.passwordMax);
export const tokenSchema = z.string().min(20).max(Limits.tokenMax);

// --- Problems (RFC 9457) -------------------------------------------------------------------

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** Fields whose message does not name them ("Måste fyllas i."); a summary names the field first. */
  genericFields: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

// --- Auth and session ----------------------------------------------------------------------

export const csrfResponseSchema = z.object({ token: z.string() });

export const signInBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(Limits.passwordMax),
});
export const emailOnlyBodySchema = z.object({ email: emailSchema });
export const tokenBodySchema = z.object({ token: tokenSchema });
export const passwordResetConfirmBodySchema = z.object({ token: tokenSchema, password: passwordSchema });

export const roleAssignmentSchema = z.object({
  id: z.string(),
  role: roleSchema,
  networkId: z.string(),
  organisationId: z.string().nullable(),
  programmeId: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const sessionResponseSchema = z.object({
  person: z.object({ id: z.string(), email: z.string(), name: z.string(), locale: localeSchema }),
  roles: z.array(roleAssignmentSchema),
  networks: z.array(z.object({ id: z.string(), name: z.string() })),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), networkId: z.string() })),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionResponseSchema>;

export const updateMeBodySchema = z.object({
  name: personNameSchema.optional(),
  locale: localeSchema.optional(),
});

// --- Networks and organisations --------------------------------------------------------------

export const networkSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });

export const organisationBodySchema = z
  .object({
    name: singleLineText.min(1).max(Limits.nameMax),
    kind: organisationKindSchema,
    orgNumber: z
      .string()
      .trim()
      .regex(/^\d{6}-?\d{4}$/, 'org_number_format')
      .nullable()
      .optional(),
    /** Where the organisation is, for travel time in matching: a place name and its coordinates (WGS 84). */
    placeName: singleLineText.max(Limits.nameMax).nullable().optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    /** Outside the network's membership (seed 000: mentors from the Centro network). */
    external: z.boolean().optional(),
  })
  .refine((o) => (o.latitude == null) === (o.longitude == null), {
    path: ['longitude'],
    message: 'coordinates_together',
  });

export const organisationSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  name: z.string(),
  kind: organisationKindSchema,
  orgNumber: z.string().nullable(),
  placeName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  external: z.boolean(),
  peopleCount: z.number(),
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

// --- People and invitations ----------------------------------------------------------------

export const personSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  locale: localeSchema,
  disabled: z.boolean(),
  roles: z.array(roleAssignmentSchema),
  createdAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const updatePersonBodySchema = z.object({
  name: personNameSchema.optional(),
  title: singleLineText.max(Limits.titleMax).nullable().optional(),
  disabled: z.boolean().optional(),
});

export const peopleQuerySchema = z.object({
  organisationId: idSchema.optional(),
  role: roleSchema.optional(),
});

export const invitationBodySchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: organisationRoleSchema,
  organisationId: idSchema,
  locale: localeSchema.default('sv'),
});

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: organisationRoleSchema,
  organisationId: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** Days an invitation's link is valid, from the day it is sent. */
export const invitationLifetimeDays = 14;

export const invitationPreviewSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: organisationRoleSchema,
  organisationName: z.string().nullable(),
  networkName: z.string(),
  hasAccount: z.boolean(),
});

export const acceptInvitationBodySchema = z.object({
  token: tokenSchema,
  name: personNameSchema,
  /** Needed only when the invited address has no account yet. */
  password: passwordSchema.optional(),
});

// --- Outbox ----------------------------------------------------------------------------------

export const outboxMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'stored']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') });

// --- Bulk import of invited participants --------------------------------------------------------

export const ImportLimits = {
  /** The largest file accepted, in bytes. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Data rows (after the header) in one file. */
  maxRows: 10_000,
  /** Rows echoed in a preview; totals and errors always cover the whole file. */
  previewRows: 200,
  /**
   * The limits below bound the work of reading a file, whatever it holds: a file within 5 MB can
   * otherwise name a cell in column XFD, or unpack to gigabytes.
   */
  /** Columns with a value: the four an import uses, and room for others a list often has. */
  maxColumns: 30,
  /** Cells with a value in the whole sheet (or CSV): 10 000 rows of 25 filled columns. */
  maxCells: 250_000,
  /** Lines of a CSV, blank ones included. */
  maxLines: 20_000,
  /** A cell's text is cut here: longer than any value an import takes, so the row still gets its error. */
  maxCellChars: 1_000,
  /** XLSX: the parts read (workbook, first sheet, shared texts), unpacked, together. */
  maxUnzippedBytes: 25 * 1024 * 1024,
  /** XLSX: entries in the zip; a workbook has about ten, plus a few for each sheet or picture. */
  maxZipEntries: 1_000,
  /** XLSX: the workbook's table of distinct texts (all sheets). */
  maxSharedStrings: 200_000,
} as const;

export const importFieldSchema = z.enum(['name', 'email', 'organisation', 'role']);
export type ImportField = z.infer<typeof importFieldSchema>;

export const importRowErrorSchema = z.object({
  /** The spreadsheet row number: the header is row 1, the first data row 2. */
  row: z.number().int(),
  field: importFieldSchema,
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  email: z.string(),
  /** The organisation's name as the network spells it, or the file's text when none matched. */
  organisation: z.string(),
  /** The role's key (adept, mentor, manager, org_coordinator), or the file's text when unknown. */
  role: z.string(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z.object({
  /**
   * The first `ImportLimits.previewRows` rows, then every later row that has an error, in the
   * file's order: every row with an error is here.
   */
  rows: z.array(importRowSchema),
  errors: z.array(importRowErrorSchema),
  /** True when every row passes every check. */
  valid: z.boolean(),
  totals: z.object({
    /** Rows in the file. */
    rows: z.number().int(),
    /** Rows that pass every check: what importing the valid rows only would invite. */
    valid: z.number().int(),
    /** The valid rows by role. */
    byRole: z.object({
      org_coordinator: z.number().int(),
      manager: z.number().int(),
      mentor: z.number().int(),
      adept: z.number().int(),
    }),
  }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  /** Invitations created, one per imported row, each with its mail. */
  created: z.number().int(),
  /** The rows invited, by their row number in the file. */
  imported: z.array(z.number().int()),
  /** Rows left out (only with `validRowsOnly`), as read, each with its errors in `errors`. */
  rejected: z.array(importRowSchema),
  errors: z.array(importRowErrorSchema),
  /** When the invitations' links stop working. */
  expiresAt: z.string(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The multipart form both import routes take; documented here, read by the route itself. */
export const importFormSchema = z.object({
  file: z.string().meta({
    format: 'binary',
    description: `CSV (UTF-8, "," or ";") or XLSX, at most ${ImportLimits.maxFileBytes / 1024 / 1024} MB and ${ImportLimits.maxRows} rows`,
  }),
  locale: localeSchema.default('sv').meta({ description: 'Language of the invitation mails' }),
  validRowsOnly: z
    .enum(['true', 'false'])
    .default('false')
    .meta({
      description:
        'Commit only: "true" invites the rows that pass every check and leaves the others out (201, naming both); ' +
        'by default one bad row refuses the whole file',
    }),
});

/** A refused import (400): the usual problem, plus every row error with its row, field and message. */
export const importProblemSchema = problemSchema.extend({
  rowErrors: z.array(importRowErrorSchema).optional(),
});
