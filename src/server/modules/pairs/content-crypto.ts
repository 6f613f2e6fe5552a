/**
 * Encryption at rest for mentor-book content (SPEC §5: the content belongs to the pair alone).
 *
 * Envelope encryption: each pair has its own random data key, stored only wrapped (encrypted) by a
 * key-encryption key (KEK) from configuration. Content is encrypted with the pair's data key and
 * bound to its row (table, column, row id) as additional authenticated data. A database file or
 * dump alone reveals nothing; deleting a pair's wrapped data key shreds its content everywhere,
 * backups included. Design, format and rotation: docs/encryption.md.
 */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { ConfigError } from '../../config-error.ts';

/** The environment variable holding the key-encryption keys, current first. */
export const MENTOR_BOOK_KEYS_VARIABLE = 'MENTOR_BOOK_KEYS';

export const CryptoSizes = {
  keyBytes: 32,
  ivBytes: 12,
  tagBytes: 16,
  dataKeyIdBytes: 6,
} as const;

const ALGORITHM = 'aes-256-gcm';
const FORMAT_VERSION = 'v1';
const PART_SEPARATOR = '.';
const STORED_PARTS = 5;
/** Key ids appear in the stored string, so no dots; short enough to read in a log line. */
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;
/** Purpose label for wrapped data keys, so a wrapped key can never pass for content or vice versa. */
const DATA_KEY_PURPOSE = 'bollplank/mentor-book/data-key';

/** A key-encryption key. The material is a KeyObject, which never prints its bytes in logs. */
export interface KeyEncryptionKey {
  id: string;
  key: KeyObject;
}

export interface Keyring {
  /** Wraps every new or re-wrapped data key. */
  current: KeyEncryptionKey;
  /** Every key that may still unwrap, current included. */
  byId: ReadonlyMap<string, KeyEncryptionKey>;
}

/** Where a ciphertext lives; a ciphertext copied to any other row, column or table will not decrypt. */
export interface ContentLocation {
  table: string;
  column: string;
  rowId: string;
}

/**
 * Why a stored value could not be decrypted:
 * - `malformed`: not a stored value of a version we know (wrong part count, bad encoding, IV or tag of the wrong length);
 * - `unknown_key`: a wrapped data key names a KEK that is not in the keyring (removed too early, or another installation);
 * - `wrong_key`: the content was encrypted with another data key (another pair's, or one that was shredded);
 * - `not_authentic`: authentication failed — changed bytes, a changed header, or a ciphertext moved to another row.
 */
export type DecryptFailure = 'malformed' | 'unknown_key' | 'wrong_key' | 'not_authentic';

export class ContentDecryptError extends Error {
  constructor(public readonly reason: DecryptFailure) {
    super(`Mentor-book content could not be decrypted: ${reason}`);
    this.name = 'ContentDecryptError';
  }
}

/**
 * Parses `MENTOR_BOOK_KEYS`, e.g. `2026a:<base64 32 bytes>,2025b:<base64 32 bytes>`: the first is
 * current, the rest only unwrap data keys not yet re-wrapped. Throws a ConfigError listing every
 * problem; messages name key ids and positions, never key material.
 */
export function parseKeyring(value: string | undefined, variable = MENTOR_BOOK_KEYS_VARIABLE): Keyring {
  const problems: string[] = [];
  const keys: KeyEncryptionKey[] = [];
  const seenIds = new Set<string>();
  const entries = (value ?? '').split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry === '')) {
    throw new ConfigError([
      `${variable}: required; set it to "<key id>:<base64 of 32 random bytes>" (see docs/encryption.md)`,
    ]);
  }
  entries.forEach((entry, index) => {
    const position = `entry ${index + 1}`;
    if (entry === '') {
      problems.push(`${variable}: ${position} is empty (remove the extra comma)`);
      return;
    }
    const colon = entry.indexOf(':');
    if (colon < 0) {
      problems.push(`${variable}: ${position} must be "<key id>:<base64 key>"`);
      return;
    }
    const id = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    const validId = KEY_ID_PATTERN.test(id);
    const label = validId ? `key "${id}"` : position;
    if (!validId) {
      problems.push(`${variable}: ${position} has an invalid key id: use 1–32 letters, digits, "_" or "-"`);
    } else if (seenIds.has(id)) {
      problems.push(`${variable}: key id "${id}" appears more than once`);
    }
    seenIds.add(id);
    const bytes = decodeBase64(encoded);
    if (!bytes) {
      problems.push(`${variable}: ${label} is not valid base64`);
      return;
    }
    if (bytes.length !== CryptoSizes.keyBytes) {
      problems.push(
        `${variable}: ${label} must be ${CryptoSizes.keyBytes} bytes (got ${bytes.length}); generate one with node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
      );
      return;
    }
    keys.push({ id, key: createSecretKey(bytes) });
  });
  const [current] = keys;
  if (problems.length > 0 || !current) throw new ConfigError(problems);
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

/** A new random data key for one pair, wrapped under the current KEK. Store only `wrapped`. */
export function createDataKey(keyring: Keyring): { wrapped: string } {
  const dataKeyId = randomBytes(CryptoSizes.dataKeyIdBytes);
  const material = randomBytes(CryptoSizes.keyBytes);
  return { wrapped: wrap(keyring.current, Buffer.concat([dataKeyId, material])) };
}

/** Whether a wrapped data key is under an older KEK and should be re-wrapped. */
export function needsRewrap(keyring: Keyring, wrapped: string): boolean {
  return parseStored(wrapped).keyId !== keyring.current.id;
}

/**
 * Re-wraps a data key under the current KEK (rotation). The data key itself, and so every
 * ciphertext made with it, stays as it is. Returns the input unchanged when it is already current.
 */
export function rewrapDataKey(keyring: Keyring, wrapped: string): string {
  if (!needsRewrap(keyring, wrapped)) return wrapped;
  const dataKey = unwrap(keyring, wrapped);
  return wrap(keyring.current, Buffer.concat([dataKey.id, dataKey.key.export()]));
}

/** Encrypts one value for one row with the pair's data key; a fresh random IV every call. */
export function encryptContent(
  keyring: Keyring,
  wrappedDataKey: string,
  plaintext: string,
  location: ContentLocation,
): string {
  const dataKey = unwrap(keyring, wrappedDataKey);
  const keyId = dataKey.id.toString('base64url');
  return seal(dataKey.key, keyId, Buffer.from(plaintext, 'utf8'), contentAad(location));
}

/** Decrypts a value made by encryptContent for the same row; throws ContentDecryptError. */
export function decryptContent(
  keyring: Keyring,
  wrappedDataKey: string,
  stored: string,
  location: ContentLocation,
): string {
  const dataKey = unwrap(keyring, wrappedDataKey);
  const parts = parseStored(stored);
  if (parts.keyId !== dataKey.id.toString('base64url')) throw new ContentDecryptError('wrong_key');
  return open(dataKey.key, parts, contentAad(location)).toString('utf8');
}

interface StoredParts {
  version: string;
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** The header (version and key id) is authenticated too, so it cannot be edited unnoticed. */
function headerAad(version: string, keyId: string, context: string): Buffer {
  return Buffer.from(JSON.stringify([version, keyId, context]), 'utf8');
}

function contentAad({ table, column, rowId }: ContentLocation): string {
  if (!table || !column || !rowId) throw new Error('table, column and rowId are required');
  return JSON.stringify(['content', table, column, rowId]);
}

function seal(key: KeyObject, keyId: string, plaintext: Buffer, context: string): string {
  const iv = randomBytes(CryptoSizes.ivBytes);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: CryptoSizes.tagBytes });
  cipher.setAAD(headerAad(FORMAT_VERSION, keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [FORMAT_VERSION, keyId, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(PART_SEPARATOR);
}

function open(key: KeyObject, parts: StoredParts, context: string): Buffer {
  // authTagLength pins the tag to 16 bytes; parseStored has already refused any other length.
  const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: CryptoSizes.tagBytes });
  decipher.setAAD(headerAad(parts.version, parts.keyId, context));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
  } catch {
    throw new ContentDecryptError('not_authentic');
  }
}

function wrap(kek: KeyEncryptionKey, dataKey: Buffer): string {
  return seal(kek.key, kek.id, dataKey, DATA_KEY_PURPOSE);
}

function unwrap(keyring: Keyring, wrapped: string): { id: Buffer; key: KeyObject } {
  const parts = parseStored(wrapped);
  const kek = keyring.byId.get(parts.keyId);
  if (!kek) throw new ContentDecryptError('unknown_key');
  const plain = open(kek.key, parts, DATA_KEY_PURPOSE);
  if (plain.length !== CryptoSizes.dataKeyIdBytes + CryptoSizes.keyBytes) {
    throw new ContentDecryptError('malformed');
  }
  return {
    id: plain.subarray(0, CryptoSizes.dataKeyIdBytes),
    key: createSecretKey(plain.subarray(CryptoSizes.dataKeyIdBytes)),
  };
}

function parseStored(stored: string): StoredParts {
  const parts = stored.split(PART_SEPARATOR);
  if (parts.length !== STORED_PARTS) throw new ContentDecryptError('malformed');
  const [version, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  if (version !== FORMAT_VERSION || !KEY_ID_PATTERN.test(keyId)) throw new ContentDecryptError('malformed');
  const decoded = [iv, ciphertext, tag].map(decodeBase64url);
  const [ivBytes, ciphertextBytes, tagBytes] = decoded;
  if (!ivBytes || !ciphertextBytes || !tagBytes) throw new ContentDecryptError('malformed');
  // Checked here, not left to Node: without this a truncated tag would weaken authentication.
  if (ivBytes.length !== CryptoSizes.ivBytes || tagBytes.length !== CryptoSizes.tagBytes) {
    throw new ContentDecryptError('malformed');
  }
  return { version, keyId, iv: ivBytes, ciphertext: ciphertextBytes, tag: tagBytes };
}

/** Strict: Buffer.from silently skips characters that are not base64. */
function decodeBase64url(text: string): Buffer | null {
  if (!BASE64URL_PATTERN.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/** Accepts standard base64 (what the documented command prints) or base64url. */
function decodeBase64(text: string): Buffer | null {
  if (!BASE64_PATTERN.test(text)) return null;
  const urlForm = text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return decodeBase64url(urlForm);
}
