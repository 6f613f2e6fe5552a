// Key rotation, step 2 (docs/encryption.md): re-wraps every pair's mentor-book data key under the
// first (current) key of MENTOR_BOOK_KEYS. Safe to stop and run again.
import { loadConfig } from '../src/server/config.ts';
import { createDatabase } from '../src/server/db/connection.ts';
import { rewrapDataKeys } from '../src/server/modules/pairs/book.service.ts';
import { resolveKeyring } from '../src/server/modules/pairs/keyring.ts';

const config = loadConfig();
const db = createDatabase(config.database);
const keyring = resolveKeyring(config);
const { rewrapped, remaining } = await rewrapDataKeys({ db, keyring });
console.log(
  `Re-wrapped ${rewrapped} data key(s) under "${keyring.current.id}"; ${remaining} still under an older key.`,
);
await db.destroy();
if (remaining > 0) process.exitCode = 1;
