import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as spine from './migrations/2026-11-23T00-spine.ts';
import * as intake from './migrations/2026-11-23T01-intake.ts';
import * as approverNames from './migrations/2026-11-24T05-approver-names.ts';
import * as matching from './migrations/2026-11-24T10-matching.ts';
import * as pairYear from './migrations/2026-11-24T20-pair-year.ts';
import * as pairSettings from './migrations/2026-11-24T30-pair-settings.ts';

/** Migrations are listed here, in order, so that bundling or a missing folder can never skip one. */
const migrations: Record<string, Migration> = {
  '2026-11-23T00-spine': spine,
  '2026-11-23T01-intake': intake,
  '2026-11-24T05-approver-names': approverNames,
  '2026-11-24T10-matching': matching,
  '2026-11-24T20-pair-year': pairYear,
  '2026-11-24T30-pair-settings': pairSettings,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/**
 * Applies what is missing. `schema` names the PostgreSQL schema the migration bookkeeping lives in;
 * without it Kysely looks for its tables in any schema and can be fooled by another database's.
 */
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    // A migration may be listed before one that a database already ran (approver names after
    // matching, each written on its own): it runs then, in the listed order of what is missing.
    allowUnorderedMigrations: true,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
