import type { ScoreWeights } from './scoring.ts';
import type { ScoreRows } from './types.ts';

/**
 * The row kernel: one adept's scores against every mentor from plain typed arrays, so that the main thread
 * and worker threads score rows the same way. No imports beyond types: a worker loads only this.
 */

/** Door-to-door speed assumed to turn distance into travel time (km per minute). */
export const TRAVEL_KM_PER_MINUTE = 1;
/** The travel time that scores nothing when the adept has not given a maximum. */
export const DEFAULT_MAX_TRAVEL_MINUTES = 90;
/** Marks a hard-constraint violation inside a row sum: far below any sum of points. */
export const EXCLUDED = -(2 ** 30);

/** `weight` scaled by `part / whole`, rounded down, so points are integers and never exceed the weight. */
export const share = (weight: number, part: number, whole: number) =>
  whole <= 0 ? weight : Math.floor((weight * part) / whole);

export function travelPoints(weight: number, distanceKm: number, maxTravelMinutes: number | null): number {
  const limit = maxTravelMinutes ?? DEFAULT_MAX_TRAVEL_MINUTES;
  const minutes = distanceKm / TRAVEL_KM_PER_MINUTE;
  if (limit <= 0) return minutes < 1 ? weight : 0;
  if (minutes >= limit) return 0;
  return Math.floor(weight * (1 - minutes / limit));
}

export const popcount32 = (x: number) => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};

/**
 * Everything the row kernel reads, as plain numbers and typed arrays (so that a worker thread can score
 * rows from a copy). Adepts and mentors are numbered as in the scoring context.
 */
export interface RowKernelTables {
  mentorCount: number;
  organisationCount: number;
  areaWords: number;
  languageWords: number;
  /** Rows of `mentorHasSector` before the last one, which is all zeros (adepts without a sector wish). */
  sectorRows: number;
  /** Management levels (bits of a mentor's experience and wishes) and genders. */
  levelCount: number;
  genderCount: number;
  weights: ScoreWeights;
  sameOrganisationExcluded: 0 | 1;
  levelBelowExcluded: 0 | 1;
  /** Distance between organisations i and j at i * organisationCount + j. */
  distanceKm: Float64Array;
  adeptOrganisation: Int32Array;
  adeptMaxTravelMinutes: Float64Array;
  adeptWantsOther: Uint8Array;
  adeptLevel: Int32Array;
  /** -1: no wish. */
  adeptWishedLevel: Int32Array;
  /** Index into the genders, -1: no wish. */
  adeptWishedGender: Int32Array;
  adeptAreaMask: Uint32Array;
  adeptLanguageMask: Uint32Array;
  adeptAnyLanguage: Uint8Array;
  /** Row of `mentorHasSector`, -1: no wish. */
  adeptWishedSector: Int32Array;
  mentorAreaMask: Uint32Array;
  mentorLanguageMask: Uint32Array;
  mentorAnyLanguage: Uint8Array;
  /** The organisations of mentors, in order. */
  mentorOrganisations: Int32Array;
  /** The mentor's organisation among those, or mentorOrganisations.length when no adept can have the
   * mentor in this run. */
  mentorOrganisationSlot: Int32Array;
  /** The categories (level × experience × gender) of mentors, in order. */
  mentorCategories: Int32Array;
  /** The mentor's category among those << levelCount | bits of the adept levels the mentor wishes. */
  mentorCode: Int32Array;
  mentorHasSector: Uint8Array;
  /** Pairs excluded one by one (links, forbidden pairs): the mentors of adept a at excludedStart[a] ..< [a + 1]. */
  excludedStart: Int32Array;
  excludedMentor: Int32Array;
}

/**
 * The hot loop: one adept's scores against every mentor, no allocation. Per row it first fills small
 * tables of the adept (points per area overlap, per organisation, and per mentor category combined with
 * the mentor's wish, the sector and the language), so that a pair costs a popcount, a few bit operations
 * and three table reads. A class with fixed fields keeps the loop monomorphic for the JIT.
 */
export class RowKernel {
  private readonly areaPoints: Int32Array;
  private readonly organisationPoints: Int32Array;
  private readonly combined: Int32Array;
  private readonly combinedExtra = new Int32Array(8);

  constructor(private readonly t: RowKernelTables) {
    this.areaPoints = new Int32Array(t.areaWords * 32 + 1);
    const organisations = t.mentorOrganisations.length;
    this.organisationPoints = new Int32Array(organisations + 1);
    this.organisationPoints[organisations] = EXCLUDED;
    this.combined = new Int32Array(t.mentorCategories.length * 8);
  }

  /** Scores of adept `a` (by context number) against every mentor, -1 where a hard constraint excludes the pair. */
  fillRow(a: number, scores: Int32Array): void {
    this.prepareRow(a);
    const t = this.t;
    if (t.areaWords === 1 && t.languageWords === 1) this.fillRowOneWord(a, scores);
    else this.fillRowManyWords(a, scores);
    for (let i = t.excludedStart[a]!, end = t.excludedStart[a + 1]!; i < end; i++)
      scores[t.excludedMentor[i]!] = -1;
  }

  private fillRowOneWord(a: number, scores: Int32Array): void {
    const t = this.t;
    const { mentorAreaMask, mentorLanguageMask, mentorAnyLanguage, mentorOrganisationSlot, mentorCode } = t;
    const mentorHasSector = t.mentorHasSector;
    const areaPoints = this.areaPoints;
    const organisationPoints = this.organisationPoints;
    const combined = this.combined;
    const areaMask = t.adeptAreaMask[a]!;
    const languageMask = t.adeptLanguageMask[a]!;
    const anyLanguage = t.adeptAnyLanguage[a]!;
    const level = t.adeptLevel[a]!;
    const levels = t.levelCount;
    const wishedSector = t.adeptWishedSector[a]!;
    const sectorBase = (wishedSector < 0 ? t.sectorRows : wishedSector) * t.mentorCount;
    for (let m = 0, count = t.mentorCount; m < count; m++) {
      const code = mentorCode[m]!;
      const language =
        anyLanguage | mentorAnyLanguage[m]! | ((languageMask & mentorLanguageMask[m]!) !== 0 ? 1 : 0);
      const index =
        ((((code >> levels) << 1) | ((code >> level) & 1)) << 2) |
        (mentorHasSector[sectorBase + m]! << 1) |
        language;
      const score =
        areaPoints[popcount32(areaMask & mentorAreaMask[m]!)]! +
        organisationPoints[mentorOrganisationSlot[m]!]! +
        combined[index]!;
      scores[m] = score < 0 ? -1 : score;
    }
  }

  /** The same for more than 32 distinct development areas or languages. */
  private fillRowManyWords(a: number, scores: Int32Array): void {
    const t = this.t;
    const { areaWords, languageWords } = t;
    const level = t.adeptLevel[a]!;
    const levels = t.levelCount;
    const wishedSector = t.adeptWishedSector[a]!;
    const sectorBase = (wishedSector < 0 ? t.sectorRows : wishedSector) * t.mentorCount;
    for (let m = 0; m < t.mentorCount; m++) {
      let overlap = 0;
      for (let w = 0; w < areaWords; w++) {
        overlap += popcount32(t.adeptAreaMask[a * areaWords + w]! & t.mentorAreaMask[m * areaWords + w]!);
      }
      let language = t.adeptAnyLanguage[a]! | t.mentorAnyLanguage[m]!;
      for (let w = 0; language === 0 && w < languageWords; w++) {
        if (
          (t.adeptLanguageMask[a * languageWords + w]! & t.mentorLanguageMask[m * languageWords + w]!) !==
          0
        )
          language = 1;
      }
      const code = t.mentorCode[m]!;
      const index =
        ((((code >> levels) << 1) | ((code >> level) & 1)) << 2) |
        (t.mentorHasSector[sectorBase + m]! << 1) |
        language;
      const score =
        this.areaPoints[overlap]! +
        this.organisationPoints[t.mentorOrganisationSlot[m]!]! +
        this.combined[index]!;
      scores[m] = score < 0 ? -1 : score;
    }
  }

  /** The adept's tables: points per area overlap, per organisation, per combined mentor category. */
  private prepareRow(a: number): void {
    const t = this.t;
    const w = t.weights;
    let areas = 0;
    for (let i = 0; i < t.areaWords; i++) areas += popcount32(t.adeptAreaMask[a * t.areaWords + i]!);
    for (let k = 0; k <= areas; k++) this.areaPoints[k] = share(w.developmentAreas, k, areas);

    // Mentor and adept meet at the mentor's workplace: the adept travels there.
    const from = t.adeptOrganisation[a]!;
    const maxTravel = t.adeptMaxTravelMinutes[a]!;
    const wantsOther = t.adeptWantsOther[a] === 1;
    const organisationCount = t.organisationCount;
    for (let slot = 0, slots = t.mentorOrganisations.length; slot < slots; slot++) {
      const o = t.mentorOrganisations[slot]!;
      const same = o === from;
      this.organisationPoints[slot] =
        same && t.sameOrganisationExcluded === 1
          ? EXCLUDED
          : travelPoints(w.travel, t.distanceKm[from * organisationCount + o]!, maxTravel) +
            (!wantsOther || !same ? w.otherOrganisation : 0);
    }

    const adeptLevel = t.adeptLevel[a]!;
    const wishedLevel = t.adeptWishedLevel[a]!;
    const wishedGender = t.adeptWishedGender[a]!;
    const sectorWished = t.adeptWishedSector[a]! >= 0;
    // What the mentor's wish, the sector and a shared language add, for each of the eight combinations.
    const extra = this.combinedExtra;
    for (let wished = 0; wished < 2; wished++) {
      for (let sector = 0; sector < 2; sector++) {
        for (let language = 0; language < 2; language++) {
          extra[(wished << 2) | (sector << 1) | language] =
            wished * w.mentorWishes + (!sectorWished || sector === 1 ? w.sector : 0) + language * w.language;
        }
      }
    }
    const combined = this.combined;
    const levelBelowExcluded = t.levelBelowExcluded === 1;
    const experiencedPoints = w.managementLevel;
    const abovePoints = Math.floor(w.managementLevel / 2);
    const genders = t.genderCount;
    const experienceSets = 2 ** t.levelCount;
    for (let slot = 0, slots = t.mentorCategories.length; slot < slots; slot++) {
      const category = t.mentorCategories[slot]!;
      const g = category % genders;
      const experience = Math.floor(category / genders) % experienceSets;
      const level = Math.floor(category / (genders * experienceSets));
      let points = levelBelowExcluded && level < adeptLevel ? EXCLUDED : 0;
      if ((experience >> adeptLevel) & 1) points += experiencedPoints;
      else if (level > adeptLevel) points += abovePoints;
      if (wishedLevel < 0 || wishedLevel === level) points += w.wishedLevel;
      if (wishedGender < 0 || wishedGender === g) points += w.wishedGender;
      const base = slot << 3;
      for (let i = 0; i < 8; i++) combined[base + i] = points + extra[i]!;
    }
  }
}

/**
 * This module's code as JavaScript source for a worker thread started from a string (see
 * scoring-pass.ts): the functions and the class as the running process compiled them, and the constants.
 * Nothing here may use an import.
 */
export function kernelWorkerSource(): string {
  return [
    `const TRAVEL_KM_PER_MINUTE = ${TRAVEL_KM_PER_MINUTE};`,
    `const DEFAULT_MAX_TRAVEL_MINUTES = ${DEFAULT_MAX_TRAVEL_MINUTES};`,
    `const EXCLUDED = ${EXCLUDED};`,
    `const share = ${share};`,
    `const popcount32 = ${popcount32};`,
    `${travelPoints}`,
    `${RowKernel}`,
  ].join('\n');
}

/** What a worker thread needs to score the rows of a ScoreRows: the kernel's tables and the row → adept map. */
export interface KernelSource {
  tables: RowKernelTables;
  /** The adept (by context number) of each row. */
  adeptOfRow: Int32Array;
}

/**
 * Rows scored by the kernel, registered by the scoring context. A WeakMap rather than a field, so that rows
 * derived by spreading (re-matching's keep bonus) are not taken for plain kernel rows.
 */
const kernelSources = new WeakMap<ScoreRows, KernelSource>();

export function registerKernelSource(rows: ScoreRows, source: KernelSource): void {
  kernelSources.set(rows, source);
}

export function kernelSourceOf(rows: ScoreRows): KernelSource | undefined {
  return kernelSources.get(rows);
}
