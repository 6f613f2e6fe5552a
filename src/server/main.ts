import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { sendApprovalReminders } from './modules/applications/approvals.service.ts';
import { deleteEndedSessions } from './modules/auth/auth.service.ts';
import { createMailer } from './modules/mail/mail.service.ts';
import { runPairYearJobs } from './modules/pairs/jobs.ts';
import { resolveKeyring } from './modules/pairs/keyring.ts';

const mailPollMs = 5_000;
const reminderPollMs = 10 * 60_000;

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const db = createDatabase(config.database);
  await migrateToLatest(db);
  const clock = systemClock;
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock });
  const deps = { db, config, mailer, clock, keyring: resolveKeyring(config) };
  const app = await buildApp(deps);

  const demo = config.demoSeed ? await seedDemoIfEmpty(deps) : null;

  const timer = setInterval(() => {
    mailer
      .deliverPending(db, app.log)
      .catch((error) => app.log.error({ err: error }, 'mail delivery loop failed'));
  }, mailPollMs);
  timer.unref();
  const reminders = setInterval(() => {
    sendApprovalReminders(deps).catch((error) => app.log.error({ err: error }, 'approval reminders failed'));
    deleteEndedSessions(db, config).catch((error) =>
      app.log.error({ err: error }, 'session clean-up failed'),
    );
    runPairYearJobs(deps).catch((error) => app.log.error({ err: error }, "the pairs' reminders failed"));
  }, reminderPollMs);
  reminders.unref();

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    clearInterval(timer);
    clearInterval(reminders);
    await app.close();
    await db.destroy();
  });

  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  console.log(`\nBollplank is running at ${config.publicUrl} (${where})`);
  console.log(`API documentation: ${config.publicUrl}/api/docs`);
  if (!config.smtpUrl)
    console.log('No SMTP_URL: mail is kept in the outbox (Sent mail page, administrators).');
  if (demo) {
    console.log(
      `\nDemo network "${demo.networkName}" — every demo account has the password: ${demo.password}`,
    );
    for (const account of demo.accounts) console.log(`  ${account.role.padEnd(26)} ${account.email}`);
    console.log('');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
