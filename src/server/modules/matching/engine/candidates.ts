import type { CandidateGraph } from './types.ts';

/**
 * Candidate selection while rows are scored: the best `k` allowed mentors of each adept and the best `k`
 * adepts of each mentor, so that no mentor is left without candidates when many adepts like the same few.
 * A pair's key is score × TIE_SPREAD + a fixed hash of the pair, which spreads ties (not by index, which
 * would give every adept the same low-numbered mentors); equal keys go to the lower index. The order is
 * total, so the selection does not depend on the order rows come in: threads may score rows in any order.
 * The arrays may live in SharedArrayBuffers: a worker thread fills its own selector, and the per-adept part
 * of several selectors can share one buffer (each row is selected by one thread).
 */

/** Keys spread ties over 2^TIE_BITS hash values; keys stay within 32 bits for any score. */
const TIE_BITS = 10;
const TIE_SPREAD = 2 ** TIE_BITS;
const TIE_SHIFT = 32 - TIE_BITS;
/** Adepts are numbered below this when choices of several threads are merged (keys · span stay exact). */
const ADEPT_SPAN = 2 ** 21;

export interface SelectorBuffers {
  /** Per adept: k mentors, their keys, how many. */
  adeptMentor: Int32Array;
  adeptKey: Int32Array;
  adeptCount: Int32Array;
  /** Per mentor: a heap of k (key, adept), its size, the worst key once full (−1 before). */
  mentorKey: Int32Array;
  mentorAdept: Int32Array;
  mentorSize: Int32Array;
  mentorLowest: Int32Array;
}

export function selectorBuffers(
  adeptCount: number,
  mentorCount: number,
  k: number,
  shared: boolean,
  adeptPart?: Pick<SelectorBuffers, 'adeptMentor' | 'adeptKey' | 'adeptCount'>,
): SelectorBuffers {
  const ints = (length: number) =>
    shared
      ? new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT))
      : new Int32Array(length);
  const mentorLowest = ints(mentorCount);
  mentorLowest.fill(-1);
  return {
    adeptMentor: adeptPart?.adeptMentor ?? ints(adeptCount * k),
    adeptKey: adeptPart?.adeptKey ?? ints(adeptCount * k),
    adeptCount: adeptPart?.adeptCount ?? ints(adeptCount),
    mentorKey: ints(mentorCount * k),
    mentorAdept: ints(mentorCount * k),
    mentorSize: ints(mentorCount),
    mentorLowest,
  };
}

export class CandidateSelector {
  private readonly heapKey: Int32Array;
  private readonly heapMentor: Int32Array;

  constructor(
    private readonly mentorCount: number,
    private readonly k: number,
    readonly buffers: SelectorBuffers,
  ) {
    this.heapKey = new Int32Array(k);
    this.heapMentor = new Int32Array(k);
  }

  /** Takes a scored row (−1: not allowed) into both selections. */
  addRow(a: number, scores: Int32Array): void {
    const { k, mentorCount, heapKey, heapMentor } = this;
    const { mentorKey, mentorAdept, mentorSize, mentorLowest } = this.buffers;
    let size = 0;
    let adeptLowest = -1;
    const adeptSalt = Math.imul(a + 1, 0x85ebca77);
    for (let m = 0; m < mentorCount; m++) {
      const score = scores[m]!;
      // The largest key this score can have; below both selections' worst keys it enters neither.
      const ceiling = score * TIE_SPREAD + TIE_SPREAD - 1;
      if (score < 0 || (ceiling < adeptLowest && ceiling < mentorLowest[m]!)) continue;
      const key = ceiling - TIE_SPREAD + 1 + ((Math.imul(m + 1, 0x9e3779b1) ^ adeptSalt) >>> TIE_SHIFT);
      if (size < k) {
        size = heapInsert(heapKey, heapMentor, 0, size, key, m);
        if (size === k) adeptLowest = heapKey[0]!;
      } else if (better(key, m, heapKey[0]!, heapMentor[0]!)) {
        heapReplaceRoot(heapKey, heapMentor, 0, size, key, m);
        adeptLowest = heapKey[0]!;
      }
      const base = m * k;
      const mentorHeld = mentorSize[m]!;
      if (mentorHeld < k) {
        mentorSize[m] = heapInsert(mentorKey, mentorAdept, base, mentorHeld, key, a);
        if (mentorHeld + 1 === k) mentorLowest[m] = mentorKey[base]!;
      } else if (better(key, a, mentorKey[base]!, mentorAdept[base]!)) {
        heapReplaceRoot(mentorKey, mentorAdept, base, k, key, a);
        mentorLowest[m] = mentorKey[base]!;
      }
    }
    const { adeptMentor, adeptKey, adeptCount } = this.buffers;
    adeptMentor.set(heapMentor.subarray(0, size), a * k);
    adeptKey.set(heapKey.subarray(0, size), a * k);
    adeptCount[a] = size;
  }
}

/** This module's selection code as JavaScript source for a worker thread (see kernelWorkerSource). */
export function selectorWorkerSource(): string {
  return [
    `const TIE_BITS = ${TIE_BITS};`,
    `const TIE_SPREAD = ${TIE_SPREAD};`,
    `const TIE_SHIFT = ${TIE_SHIFT};`,
    `const better = ${better};`,
    `${heapInsert}`,
    `${heapReplaceRoot}`,
    `${CandidateSelector}`,
  ].join('\n');
}

/**
 * The candidate graph from the selections of all threads (their per-adept parts shared, their per-mentor
 * heaps merged): each adept's row holds its chosen mentors and the mentors that chose it, in mentor order.
 */
export function candidateGraph(
  selections: SelectorBuffers[],
  adeptCount: number,
  mentorCount: number,
  k: number,
  capacity: ArrayLike<number>,
  maxScore: number,
): CandidateGraph {
  const { adeptMentor, adeptKey, adeptCount: chosenCount } = selections[0]!;
  if (adeptCount >= ADEPT_SPAN) throw new RangeError('too many adepts for candidate selection');
  // Each mentor's best k over all threads.
  const fromMentorsStart = new Int32Array(adeptCount + 1);
  const mentorChoice: { adept: Int32Array; key: Int32Array; size: Int32Array } = {
    adept: new Int32Array(mentorCount * k),
    key: new Int32Array(mentorCount * k),
    size: new Int32Array(mentorCount),
  };
  // One thread: its heap is the choice. Several: the best k of their heaps, by (key, then lower index),
  // sorted as one number per entry (key · 2^ADEPT_BITS + the adept's index counted from the top).
  const pool = new Float64Array(selections.length * k);
  for (let m = 0; m < mentorCount; m++) {
    let size = 0;
    if (selections.length === 1) {
      const s = selections[0]!;
      size = s.mentorSize[m]!;
      mentorChoice.adept.set(s.mentorAdept.subarray(m * k, m * k + size), m * k);
      mentorChoice.key.set(s.mentorKey.subarray(m * k, m * k + size), m * k);
    } else {
      let pooled = 0;
      for (const s of selections) {
        for (let i = 0; i < s.mentorSize[m]!; i++) {
          pool[pooled++] =
            s.mentorKey[m * k + i]! * ADEPT_SPAN + (ADEPT_SPAN - 1 - s.mentorAdept[m * k + i]!);
        }
      }
      const best = pool.subarray(0, pooled).sort().reverse();
      size = Math.min(k, pooled);
      for (let i = 0; i < size; i++) {
        mentorChoice.key[m * k + i] = Math.floor(best[i]! / ADEPT_SPAN);
        mentorChoice.adept[m * k + i] = ADEPT_SPAN - 1 - (best[i]! % ADEPT_SPAN);
      }
    }
    for (let i = 0; i < size; i++) {
      const adept = mentorChoice.adept[m * k + i]!;
      fromMentorsStart[adept + 1] = fromMentorsStart[adept + 1]! + 1;
    }
    mentorChoice.size[m] = size;
  }
  for (let a = 0; a < adeptCount; a++)
    fromMentorsStart[a + 1] = fromMentorsStart[a + 1]! + fromMentorsStart[a]!;
  const fromMentors = new Int32Array(fromMentorsStart[adeptCount]!);
  const fromMentorsKey = new Int32Array(fromMentors.length);
  const fill = fromMentorsStart.slice(0, adeptCount);
  for (let m = 0; m < mentorCount; m++) {
    for (let i = 0; i < mentorChoice.size[m]!; i++) {
      const a = mentorChoice.adept[m * k + i]!;
      fromMentors[fill[a]!] = m;
      fromMentorsKey[fill[a]!] = mentorChoice.key[m * k + i]!;
      fill[a] = fill[a]! + 1;
    }
  }

  // Rows: both sides without duplicates, in mentor order (a canonical graph whatever the threads did).
  const rowStart = new Int32Array(adeptCount + 1);
  const mentorOf = new Int32Array(adeptCount * k + fromMentors.length);
  const scoreOf = new Int32Array(mentorOf.length);
  const keyOfMentor = new Int32Array(mentorCount);
  const seen = new Int32Array(mentorCount).fill(-1);
  let used = 0;
  for (let a = 0; a < adeptCount; a++) {
    const start = used;
    for (let i = 0; i < chosenCount[a]!; i++) {
      const m = adeptMentor[a * k + i]!;
      seen[m] = a;
      keyOfMentor[m] = adeptKey[a * k + i]!;
      mentorOf[used++] = m;
    }
    for (let i = fromMentorsStart[a]!; i < fromMentorsStart[a + 1]!; i++) {
      const m = fromMentors[i]!;
      if (seen[m] === a) continue;
      seen[m] = a;
      keyOfMentor[m] = fromMentorsKey[i]!;
      mentorOf[used++] = m;
    }
    mentorOf.subarray(start, used).sort();
    for (let e = start; e < used; e++) scoreOf[e] = keyOfMentor[mentorOf[e]!]! >> TIE_BITS;
    rowStart[a + 1] = used;
  }
  return {
    adeptCount,
    mentorCount,
    capacity: Int32Array.from(capacity),
    rowStart,
    mentorOf: mentorOf.slice(0, used),
    scoreOf: scoreOf.slice(0, used),
    maxScore,
  };
}

/** (key, id) is better than (otherKey, otherId): a higher key, or the same key and a lower index. */
const better = (key: number, id: number, otherKey: number, otherId: number) =>
  key > otherKey || (key === otherKey && id < otherId);

/** Inserts into a heap (worst first) stored at heap[base ..< base + size]; returns the new size. */
function heapInsert(keys: Int32Array, ids: Int32Array, base: number, size: number, key: number, id: number) {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!better(keys[base + parent]!, ids[base + parent]!, key, id)) break;
    keys[base + i] = keys[base + parent]!;
    ids[base + i] = ids[base + parent]!;
    i = parent;
  }
  keys[base + i] = key;
  ids[base + i] = id;
  return size + 1;
}

/** Replaces the worst entry of a full heap and restores the order. */
function heapReplaceRoot(
  keys: Int32Array,
  ids: Int32Array,
  base: number,
  size: number,
  key: number,
  id: number,
) {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    const right = child + 1;
    if (
      right < size &&
      better(keys[base + child]!, ids[base + child]!, keys[base + right]!, ids[base + right]!)
    ) {
      child = right;
    }
    if (better(keys[base + child]!, ids[base + child]!, key, id)) break;
    keys[base + i] = keys[base + child]!;
    ids[base + i] = ids[base + child]!;
    i = child;
  }
  keys[base + i] = key;
  ids[base + i] = id;
}
