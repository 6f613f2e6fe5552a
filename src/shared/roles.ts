import { z } from 'zod';

export const locales = ['sv', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

/**
 * Roles are always held within a scope: the network administrator within a network, everyone else
 * within a member organisation (and, for mentors and adepts, optionally within one programme).
 */
export const roles = ['network_admin', 'org_coordinator', 'manager', 'mentor', 'adept'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles an invitation can grant inside an organisation. */
export const organisationRoles = ['org_coordinator', 'manager', 'mentor', 'adept'] as const;
export const organisationRoleSchema = z.enum(organisationRoles);

export const participantRoles = ['adept', 'mentor'] as const;
export const participantRoleSchema = z.enum(participantRoles);
export type ParticipantRole = z.infer<typeof participantRoleSchema>;

export const organisationKinds = ['municipality', 'region', 'agency', 'police', 'union', 'other'] as const;
export const organisationKindSchema = z.enum(organisationKinds);

export const managementLevels = ['direct', 'indirect', 'strategic'] as const;
export const managementLevelSchema = z.enum(managementLevels);
