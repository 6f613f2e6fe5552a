import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as spine from './migrations/2026-11-23T00-spine.ts';

/** Migrations are listed here, in order, so that bundling or a missing folder can never skip one. */
const migrations: Record<string, Migration> = {
  '2026-11-23T00-spine': spine,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
