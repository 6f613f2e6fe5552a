import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every text the interface shows exists in Swedish and in English: the same keys in each pair of
 * locale files (plural forms counted as their base key, since the languages need different ones).
 */
const dir = import.meta.dirname;
const files = [
  ['sv.json', 'en.json'],
  ...readdirSync(join(dir, 'pairs'))
    .filter((name) => name.endsWith('.sv.json'))
    .map((name) => [`pairs/${name}`, `pairs/${name.replace('.sv.json', '.en.json')}`]),
] as [string, string][];

function keysOf(value: unknown, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (child !== null && typeof child === 'object') for (const k of keysOf(child, `${path}.`)) keys.add(k);
    else keys.add(path);
  }
  return keys;
}

const read = (file: string) => keysOf(JSON.parse(readFileSync(join(dir, file), 'utf8')));

describe('the interface texts', () => {
  it.each(files)('%s and %s have the same keys', (sv, en) => {
    const swedish = read(sv);
    const english = read(en);
    expect([...swedish].filter((k) => !english.has(k))).toEqual([]);
    expect([...english].filter((k) => !swedish.has(k))).toEqual([]);
  });

  it('gives each part of the pair’s year its own top-level key, so merged files never overwrite each other', () => {
    const owners = new Map<string, string>();
    for (const [sv] of files) {
      for (const top of Object.keys(JSON.parse(readFileSync(join(dir, sv), 'utf8')))) {
        expect({ top, file: sv, before: owners.get(top) ?? null }).toEqual({ top, file: sv, before: null });
        owners.set(top, sv);
      }
    }
  });
});
