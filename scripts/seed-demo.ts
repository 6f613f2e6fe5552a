// Recreates the demo network. Refuses to run without --recreate, since it deletes the demo's data.
import { systemClock } from '../src/server/clock.ts';
import { loadConfig } from '../src/server/config.ts';
import { createDatabase } from '../src/server/db/connection.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { recreateDemo } from '../src/server/demo/seed.ts';
import { createMailer } from '../src/server/modules/mail/mail.service.ts';
import { resolveKeyring } from '../src/server/modules/pairs/keyring.ts';

if (!process.argv.includes('--recreate')) {
  console.error(
    'This deletes and recreates the demo network. Run it as: npm run seed:demo (which passes --recreate).',
  );
  process.exit(2);
}
const config = loadConfig();
const db = createDatabase(config.database);
await migrateToLatest(db);
const clock = systemClock;
const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock });
const demo = await recreateDemo({ db, config, mailer, clock, keyring: resolveKeyring(config) });
console.log(`Demo network "${demo.networkName}" recreated. Password for every account: ${demo.password}`);
for (const account of demo.accounts) console.log(`  ${account.role.padEnd(26)} ${account.email}`);
await db.destroy();
