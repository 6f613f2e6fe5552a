import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import {
  type ContentDecryptError,
  type ContentLocation,
  CryptoSizes,
  createDataKey,
  decryptContent,
  encryptContent,
  type Keyring,
  needsRewrap,
  parseKeyring,
  rewrapDataKey,
} from './content-crypto.ts';

const newKey = () => randomBytes(CryptoSizes.keyBytes).toString('base64');
const KEY_2026A = newKey();
const KEY_2025B = newKey();
const keyring = parseKeyring(`2026a:${KEY_2026A}`);

const NOTE =
  'Adepten berättade om konflikten med förvaltningschefen på Håbo; vi enades om att hon skriver ner tre exempel.';
const ROW: ContentLocation = { table: 'mentor_book_entries', column: 'body', rowId: '0b6c2d3e-row-1' };

function decryptFailure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as ContentDecryptError).reason ?? String(error);
  }
  throw new Error('expected decryption to fail');
}

function configProblems(value: string | undefined): string[] {
  try {
    parseKeyring(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

/** Replaces one character of a base64url part with another valid one, so only the bytes change. */
function flipPart(stored: string, index: number): string {
  const parts = stored.split('.');
  const part = parts[index]!;
  const position = Math.floor(part.length / 2);
  const replacement = part[position] === 'A' ? 'B' : 'A';
  parts[index] = part.slice(0, position) + replacement + part.slice(position + 1);
  return parts.join('.');
}

describe('parseKeyring', () => {
  it('takes the first key as current and keeps the others for unwrapping', () => {
    const ring = parseKeyring(` 2026a:${KEY_2026A} , 2025b:${KEY_2025B} `);
    expect(ring.current.id).toBe('2026a');
    expect([...ring.byId.keys()]).toEqual(['2026a', '2025b']);
  });

  it('accepts base64url keys as well as standard base64', () => {
    const urlKey = Buffer.from(KEY_2026A, 'base64').toString('base64url');
    expect(parseKeyring(`k1:${urlKey}`).current.id).toBe('k1');
  });

  it('requires the variable', () => {
    expect(configProblems(undefined)).toEqual([expect.stringMatching(/^MENTOR_BOOK_KEYS: required/)]);
    expect(configProblems('  ')).toEqual([expect.stringMatching(/^MENTOR_BOOK_KEYS: required/)]);
  });

  it('lists every problem at once, naming ids but never key material', () => {
    const short = randomBytes(16).toString('base64');
    const problems = configProblems(
      `2026a:${short},no-colon,bad.id:${KEY_2025B},,2026a:${KEY_2025B},x:not*base64`,
    );
    expect(problems).toEqual([
      expect.stringContaining('key "2026a" must be 32 bytes (got 16)'),
      expect.stringContaining('entry 2 must be "<key id>:<base64 key>"'),
      expect.stringContaining('entry 3 has an invalid key id'),
      expect.stringContaining('entry 4 is empty'),
      expect.stringContaining('key id "2026a" appears more than once'),
      expect.stringContaining('key "x" is not valid base64'),
    ]);
    for (const problem of problems) {
      expect(problem).not.toContain(short);
      expect(problem).not.toContain(KEY_2025B);
    }
  });

  it('does not print key material when the keyring is logged', () => {
    const ring = parseKeyring(`2026a:${KEY_2026A}`);
    const hex = Buffer.from(KEY_2026A, 'base64').toString('hex');
    const printed = JSON.stringify(ring, (_k, v) => (v instanceof Map ? [...v] : v));
    expect(printed).not.toContain(KEY_2026A);
    expect(printed).not.toContain(hex);
  });
});

describe('content encryption', () => {
  it('round-trips text, Swedish characters and empty text', () => {
    const { wrapped } = createDataKey(keyring);
    for (const text of [NOTE, '', 'åäö ÅÄÖ – “citat” 🙂']) {
      const stored = encryptContent(keyring, wrapped, text, ROW);
      expect(decryptContent(keyring, wrapped, stored, ROW)).toBe(text);
    }
  });

  it('writes v1.<keyId>.<iv>.<ciphertext>.<tag> with a 12-byte IV and a 16-byte tag', () => {
    const { wrapped } = createDataKey(keyring);
    for (const stored of [wrapped, encryptContent(keyring, wrapped, NOTE, ROW)]) {
      const [version, keyId, iv, ciphertext, tag, ...rest] = stored.split('.');
      expect(version).toBe('v1');
      expect(keyId).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(iv!, 'base64url')).toHaveLength(CryptoSizes.ivBytes);
      expect(ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(tag!, 'base64url')).toHaveLength(CryptoSizes.tagBytes);
      expect(rest).toEqual([]);
    }
    expect(wrapped.split('.')[1]).toBe('2026a');
  });

  it('uses a fresh IV for every encryption, so equal texts give different ciphertexts', () => {
    const { wrapped } = createDataKey(keyring);
    const stored = Array.from({ length: 50 }, () => encryptContent(keyring, wrapped, NOTE, ROW));
    expect(new Set(stored.map((s) => s.split('.')[2])).size).toBe(stored.length);
    expect(new Set(stored).size).toBe(stored.length);
  });

  it('never contains the plaintext or any 4-character piece of it', () => {
    const { wrapped } = createDataKey(keyring);
    const pieces = Array.from({ length: NOTE.length - 3 }, (_, i) => NOTE.slice(i, i + 4));
    const found = (stored: string) => pieces.filter((piece) => stored.includes(piece));
    // Random base64url holds one of the note's letter-only pieces by chance about once in 2 000
    // encryptions; a leak shows in every encryption, so take the best of three.
    const attempts = Array.from({ length: 3 }, () => found(encryptContent(keyring, wrapped, NOTE, ROW)));
    expect(attempts.reduce((best, next) => (next.length < best.length ? next : best))).toEqual([]);
    expect(found(wrapped)).toEqual([]);
  });

  it('refuses a changed byte in the ciphertext, IV, tag or key id', () => {
    const { wrapped } = createDataKey(keyring);
    const stored = encryptContent(keyring, wrapped, NOTE, ROW);
    for (const index of [2, 3, 4]) {
      expect(decryptFailure(() => decryptContent(keyring, wrapped, flipPart(stored, index), ROW))).toBe(
        'not_authentic',
      );
    }
    expect(decryptFailure(() => decryptContent(keyring, wrapped, flipPart(stored, 1), ROW))).toBe(
      'wrong_key',
    );
  });

  it('refuses a truncated tag, even the 4 bytes Node would otherwise accept', () => {
    const { wrapped } = createDataKey(keyring);
    const parts = encryptContent(keyring, wrapped, NOTE, ROW).split('.');
    const tag = Buffer.from(parts[4]!, 'base64url');
    for (const length of [4, 8, 12, 15]) {
      const truncated = [...parts.slice(0, 4), tag.subarray(0, length).toString('base64url')].join('.');
      expect(decryptFailure(() => decryptContent(keyring, wrapped, truncated, ROW))).toBe('malformed');
    }
  });

  it('refuses values that are not in the stored format', () => {
    const { wrapped } = createDataKey(keyring);
    const stored = encryptContent(keyring, wrapped, NOTE, ROW);
    const [, ...rest] = stored.split('.');
    for (const bad of [NOTE, '', `v2.${rest.join('.')}`, `${stored}.x`, stored.replace(/.$/, '*')]) {
      expect(decryptFailure(() => decryptContent(keyring, wrapped, bad, ROW))).toBe('malformed');
    }
  });

  it('refuses content moved to another row, column or table', () => {
    const { wrapped } = createDataKey(keyring);
    const stored = encryptContent(keyring, wrapped, NOTE, ROW);
    for (const other of [
      { ...ROW, rowId: '0b6c2d3e-row-2' },
      { ...ROW, column: 'title' },
      { ...ROW, table: 'mentor_book_goals' },
    ]) {
      expect(decryptFailure(() => decryptContent(keyring, wrapped, stored, other))).toBe('not_authentic');
    }
  });

  it("refuses another pair's data key", () => {
    const pairA = createDataKey(keyring);
    const pairB = createDataKey(keyring);
    const stored = encryptContent(keyring, pairA.wrapped, NOTE, ROW);
    expect(decryptFailure(() => decryptContent(keyring, pairB.wrapped, stored, ROW))).toBe('wrong_key');
  });

  it('refuses a wrapped data key under a key id the keyring does not have', () => {
    const other = parseKeyring(`2024x:${newKey()}`);
    const { wrapped } = createDataKey(other);
    expect(decryptFailure(() => encryptContent(keyring, wrapped, NOTE, ROW))).toBe('unknown_key');
  });

  it('refuses a wrapped data key whose key id was changed to another known key', () => {
    const ring = parseKeyring(`2026a:${KEY_2026A},2025b:${KEY_2025B}`);
    const { wrapped } = createDataKey(ring);
    const relabelled = wrapped.replace(/^v1\.2026a\./, 'v1.2025b.');
    expect(decryptFailure(() => encryptContent(ring, relabelled, NOTE, ROW))).toBe('not_authentic');
  });

  it('refuses a wrapped data key used as content and content used as a data key', () => {
    const { wrapped } = createDataKey(keyring);
    const stored = encryptContent(keyring, wrapped, NOTE, ROW);
    expect(decryptFailure(() => decryptContent(keyring, wrapped, wrapped, ROW))).toBe('wrong_key');
    expect(decryptFailure(() => decryptContent(keyring, stored, stored, ROW))).toBe('unknown_key');
  });
});

describe('key rotation', () => {
  const oldRing = parseKeyring(`2025b:${KEY_2025B}`);
  const bothRing = parseKeyring(`2026a:${KEY_2026A},2025b:${KEY_2025B}`);
  const newRing = parseKeyring(`2026a:${KEY_2026A}`);

  it('reads with the old key until re-wrapped, then without it', () => {
    const { wrapped } = createDataKey(oldRing);
    const stored = encryptContent(oldRing, wrapped, NOTE, ROW);

    // Step 1: the new key is added first; old wrapped keys still open.
    expect(decryptContent(bothRing, wrapped, stored, ROW)).toBe(NOTE);
    expect(needsRewrap(bothRing, wrapped)).toBe(true);

    // Step 2: re-wrap; the content itself is untouched.
    const rewrapped = rewrapDataKey(bothRing, wrapped);
    expect(rewrapped.split('.')[1]).toBe('2026a');
    expect(needsRewrap(bothRing, rewrapped)).toBe(false);
    expect(rewrapDataKey(bothRing, rewrapped)).toBe(rewrapped);
    expect(decryptContent(bothRing, rewrapped, stored, ROW)).toBe(NOTE);

    // Step 3: the old key is removed.
    expect(decryptContent(newRing, rewrapped, stored, ROW)).toBe(NOTE);
    expect(decryptFailure(() => decryptContent(newRing, wrapped, stored, ROW))).toBe('unknown_key');
  });

  it('wraps new data keys under the current key and mixes old and new content under one data key', () => {
    const { wrapped } = createDataKey(bothRing);
    expect(wrapped.split('.')[1]).toBe('2026a');
    const before = encryptContent(bothRing, wrapped, 'före', ROW);
    const rewrapped = rewrapDataKey(newRing, wrapped);
    const after = encryptContent(newRing, rewrapped, 'efter', { ...ROW, rowId: 'row-3' });
    expect(decryptContent(newRing, rewrapped, before, ROW)).toBe('före');
    expect(decryptContent(newRing, wrapped, after, { ...ROW, rowId: 'row-3' })).toBe('efter');
  });
});

describe('shredding', () => {
  it('deleting the wrapped data key leaves content that no key can read', () => {
    const ring: Keyring = parseKeyring(`2026a:${KEY_2026A},2025b:${KEY_2025B}`);
    const dataKeys = new Map([['pair-1', createDataKey(ring).wrapped]]);
    const stored = encryptContent(ring, dataKeys.get('pair-1')!, NOTE, ROW);

    dataKeys.delete('pair-1');
    // A backup holds the content and the configuration, but no data key that opens it.
    const replacement = createDataKey(ring).wrapped;
    expect(decryptFailure(() => decryptContent(ring, replacement, stored, ROW))).toBe('wrong_key');
    // Relabelling the content with the new data key's id does not help either.
    const replacementId = encryptContent(ring, replacement, 'x', ROW).split('.')[1];
    const relabelled = stored.replace(/^v1\.[^.]+\./, `v1.${replacementId}.`);
    expect(decryptFailure(() => decryptContent(ring, replacement, relabelled, ROW))).toBe('not_authentic');
  });
});
