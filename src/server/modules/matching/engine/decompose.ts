import type { CandidateGraph } from './types.ts';

/**
 * The cardinality part of the problem, solved combinatorially so that the weighted solve never has to
 * work at the scale of the cardinality bonus B.
 *
 * A maximum-cardinality b-matching (Hopcroft–Karp: shortest augmenting paths in phases) gives the
 * Dulmage–Mendelsohn split. Z is everything reachable from an unmatched adept by alternating paths:
 * - the mentors in Z are full in every maximum matching and take adepts of Z only (the over-demanded part:
 *   which adepts get the places is the question);
 * - the adepts outside Z are matched in every maximum matching, to mentors outside Z (the under-demanded
 *   part: every adept gets a place, which one is the question);
 * - no candidate pair joins an adept of Z to a mentor outside Z (else Z would reach further).
 * With u = B·[adept ∉ Z] + u′ and v = B·[mentor ∈ Z] + v′, the lexicographic problem splits into two
 * problems with plain scores: fill every place of the mentors in Z, and place every adept outside Z.
 */
export interface Decomposition {
  /** 1 for adepts reachable from an unmatched adept by alternating paths. */
  adeptInZ: Uint8Array;
  /** 1 for the mentors those adepts reach (all full in every maximum matching). */
  mentorInZ: Uint8Array;
  matched: number;
}

export function decompose(graph: CandidateGraph): Decomposition {
  const { adeptCount, mentorCount, capacity, rowStart, mentorOf } = graph;
  const mate = new Int32Array(adeptCount).fill(-1);
  const slotStart = new Int32Array(mentorCount + 1);
  for (let m = 0; m < mentorCount; m++) slotStart[m + 1] = slotStart[m]! + Math.max(0, capacity[m]!);
  const slotAdept = new Int32Array(slotStart[mentorCount]!);
  const slotOfAdept = new Int32Array(adeptCount).fill(-1);
  const load = new Int32Array(mentorCount);
  let matched = 0;
  const place = (a: number, m: number, slot: number) => {
    mate[a] = m;
    slotAdept[slot] = a;
    slotOfAdept[a] = slot;
  };

  // Greedy start: each adept takes the first candidate with a free place.
  for (let a = 0; a < adeptCount; a++) {
    for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
      const m = mentorOf[e]!;
      if (load[m]! < capacity[m]!) {
        place(a, m, slotStart[m]! + load[m]!);
        load[m] = load[m]! + 1;
        matched++;
        break;
      }
    }
  }

  // Hopcroft–Karp phases: layers from the unmatched adepts, then vertex-disjoint shortest augmenting paths.
  const level = new Int32Array(adeptCount);
  const queue = new Int32Array(adeptCount);
  const visited = new Int32Array(adeptCount);
  const edgeCursor = new Int32Array(adeptCount);
  const stackAdept = new Int32Array(adeptCount + 1);
  const stackMentor = new Int32Array(adeptCount + 1);
  for (let phase = 1; ; phase++) {
    level.fill(-1);
    let head = 0;
    let tail = 0;
    for (let a = 0; a < adeptCount; a++) {
      if (mate[a] === -1) {
        level[a] = 0;
        queue[tail++] = a;
      }
    }
    let pathLevel = Number.POSITIVE_INFINITY;
    while (head < tail) {
      const a = queue[head++]!;
      if (level[a]! >= pathLevel) break;
      for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
        const m = mentorOf[e]!;
        if (m === mate[a]) continue;
        if (load[m]! < capacity[m]!) {
          pathLevel = level[a]!;
          continue;
        }
        for (let s = slotStart[m]!, last = s + load[m]!; s < last; s++) {
          const b = slotAdept[s]!;
          if (level[b] === -1) {
            level[b] = level[a]! + 1;
            queue[tail++] = b;
          }
        }
      }
    }
    if (pathLevel === Number.POSITIVE_INFINITY) break;

    let augmented = 0;
    for (let root = 0; root < adeptCount; root++) {
      if (mate[root] !== -1 || level[root] !== 0 || visited[root] === phase) continue;
      // Iterative depth-first search along the layers; the stack holds adepts and the mentors between them.
      let depth = 0;
      stackAdept[0] = root;
      visited[root] = phase;
      edgeCursor[root] = rowStart[root]!;
      let freeMentor = -1;
      while (depth >= 0 && freeMentor < 0) {
        const x = stackAdept[depth]!;
        let descended = false;
        while (edgeCursor[x]! < rowStart[x + 1]!) {
          const m = mentorOf[edgeCursor[x]!]!;
          if (m === mate[x]) {
            edgeCursor[x] = edgeCursor[x]! + 1;
            continue;
          }
          if (load[m]! < capacity[m]!) {
            if (level[x] === pathLevel) {
              stackMentor[depth] = m;
              freeMentor = m;
              break;
            }
            edgeCursor[x] = edgeCursor[x]! + 1;
            continue;
          }
          // The next adept of this mentor one layer deeper; the same edge is tried again after it fails.
          let next = -1;
          if (level[x]! < pathLevel) {
            for (let s = slotStart[m]!, last = s + load[m]!; s < last; s++) {
              const b = slotAdept[s]!;
              if (visited[b] !== phase && level[b] === level[x]! + 1) {
                next = b;
                break;
              }
            }
          }
          if (next < 0) {
            edgeCursor[x] = edgeCursor[x]! + 1;
            continue;
          }
          stackMentor[depth] = m;
          depth++;
          stackAdept[depth] = next;
          visited[next] = phase;
          edgeCursor[next] = rowStart[next]!;
          descended = true;
          break;
        }
        if (freeMentor < 0 && !descended) depth--;
      }
      if (freeMentor < 0) continue;
      // Augment: the last adept takes a new place, each earlier one the place of the adept after it.
      let slot = slotStart[freeMentor]! + load[freeMentor]!;
      load[freeMentor] = load[freeMentor]! + 1;
      for (let i = depth; i >= 0; i--) {
        const x = stackAdept[i]!;
        const previousSlot = slotOfAdept[x]!;
        place(x, stackMentor[i]!, slot);
        slot = previousSlot;
      }
      matched++;
      augmented++;
    }
    if (augmented === 0) break;
  }

  // Z: alternating reachability from the unmatched adepts.
  const adeptInZ = new Uint8Array(adeptCount);
  const mentorInZ = new Uint8Array(mentorCount);
  let head = 0;
  let tail = 0;
  for (let a = 0; a < adeptCount; a++) {
    if (mate[a] === -1) {
      adeptInZ[a] = 1;
      queue[tail++] = a;
    }
  }
  while (head < tail) {
    const a = queue[head++]!;
    for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
      const m = mentorOf[e]!;
      if (mentorInZ[m] === 1 || m === mate[a]) continue;
      mentorInZ[m] = 1;
      for (let s = slotStart[m]!, last = s + load[m]!; s < last; s++) {
        const b = slotAdept[s]!;
        if (adeptInZ[b] === 0) {
          adeptInZ[b] = 1;
          queue[tail++] = b;
        }
      }
    }
  }
  return { adeptInZ, mentorInZ, matched };
}
