// Brings the database named by the environment (DATABASE_URL, or SQLite at SQLITE_PATH) to the latest schema.
import { loadConfig } from '../src/server/config.ts';
import { createDatabase } from '../src/server/db/connection.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';

const config = loadConfig();
const db = createDatabase(config.database);
const applied = await migrateToLatest(db);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await db.destroy();
