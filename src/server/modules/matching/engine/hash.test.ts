import { describe, expect, it } from 'vitest';
import { canonicalJson, hashInput } from './hash.ts';

describe('input hash', () => {
  it('does not depend on key order and changes with any value', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[2,{"c":"x","d":null}],"b":1}',
    );
    expect(hashInput({ a: 1, b: 2 })).toBe(hashInput({ b: 2, a: 1 }));
    expect(hashInput({ a: 1, b: 2 })).not.toBe(hashInput({ a: 1, b: 3 }));
    expect(hashInput({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
