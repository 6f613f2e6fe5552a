import type { MentorProfile, NeedsProfile, ProfileBasics } from '../../../../shared/intake.ts';
import {
  defaultMatchingWeights,
  type MatchingCriterion,
  matchingCriteria,
  type ProgrammeSettings,
} from '../../../../shared/programme.ts';
import { managementLevels } from '../../../../shared/roles.ts';
import type { RowKernelTables } from './kernel.ts';
import {
  DEFAULT_MAX_TRAVEL_MINUTES,
  RowKernel,
  registerKernelSource,
  share,
  travelPoints,
} from './kernel.ts';
import type { PairRef, ScoreRows } from './types.ts';

export { DEFAULT_MAX_TRAVEL_MINUTES, TRAVEL_KM_PER_MINUTE, travelPoints } from './kernel.ts';

/**
 * The scoring layer: from profiles as the app stores them to integer pair scores and hard constraints.
 * Scores are integers 0..Σ weights (1000 with the default weights), shown to people as 0–100.
 * Rows are scored in tight loops over typed arrays (no allocation per pair), so 200 million pairs stay fast;
 * `scoreBreakdown` computes the same score criterion by criterion, readably, for explanations.
 */

export type ManagementLevel = (typeof managementLevels)[number];

// The criteria and their default weights are part of a programme's settings (src/shared/programme.ts).
export const criteria = matchingCriteria;
export type Criterion = MatchingCriterion;
export type ScoreWeights = Record<Criterion, number>;

/** The default weights; they add up to 1000, the default score scale. */
export const defaultScoreWeights: ScoreWeights = defaultMatchingWeights;

/** Mean Earth radius for the haversine distance. */
const EARTH_RADIUS_KM = 6371;
/** The largest weight of one criterion: keeps every score far inside 32-bit integers. */
export const MAX_CRITERION_WEIGHT = 100_000;

export const hardConstraints = [
  'same_organisation',
  'dependency',
  'declared_conflict',
  'forbidden',
  'mentor_not_admitted',
  'mentor_not_trained',
  'no_free_capacity',
  'mentor_level_below',
] as const;
export type HardConstraint = (typeof hardConstraints)[number];

export interface MatchingRules {
  crossOrganisation: ProgrammeSettings['matching']['crossOrganisation'];
  /** Never a mentor the adept depends on (line manager, the manager who approved the application…). */
  excludeDependency: boolean;
  mentorLevelAtLeastAdept: boolean;
  /** Mentors must have completed the programme's mentor training. */
  requireTrainedMentor: boolean;
}

export function matchingRulesFromSettings(settings: ProgrammeSettings): MatchingRules {
  return {
    crossOrganisation: settings.matching.crossOrganisation,
    excludeDependency: settings.matching.excludeDependency,
    mentorLevelAtLeastAdept: settings.matching.mentorLevelAtLeastAdept,
    requireTrainedMentor: settings.eligibility.mentor.requiresMentorTraining,
  };
}

export interface MatchingOrganisation {
  id: string;
  /** Null when the organisation's location is not known: travel to or from it then scores 0. */
  latitude: number | null;
  longitude: number | null;
}

export interface MatchingAdept {
  /** The person's id. */
  id: string;
  organisationId: string;
  basics: Pick<ProfileBasics, 'managementLevel' | 'sector' | 'languages' | 'maxTravelMinutes' | 'gender'>;
  needs: Pick<NeedsProfile, 'developmentAreas' | 'wishes'>;
}

export interface MatchingMentor {
  /** The person's id. */
  id: string;
  organisationId: string;
  basics: Pick<ProfileBasics, 'managementLevel' | 'sector' | 'languages' | 'gender'>;
  profile: Pick<MentorProfile, 'competences' | 'experienceLevels' | 'sectors' | 'capacity'>;
  /** Adepts the mentor already has outside this run; locked pairs of this run are counted by the engine. */
  currentAdepts: number;
  admitted: boolean;
  trained: boolean;
  /** Adept management levels the mentor would like to mentor; empty or absent: any. */
  wishedAdeptLevels?: ManagementLevel[];
}

export const personLinkKinds = [
  'line_manager',
  'approved_application',
  'declared_conflict',
  'other',
] as const;
/** A dependency or conflict between two people (either order); pairs of them are never proposed. */
export interface PersonLink {
  personA: string;
  personB: string;
  kind: (typeof personLinkKinds)[number];
}

export interface MatchingInput {
  rules: MatchingRules;
  /** Per programme; the default weights when absent. */
  weights?: ScoreWeights;
  organisations: MatchingOrganisation[];
  adepts: MatchingAdept[];
  mentors: MatchingMentor[];
  links?: PersonLink[];
  locked?: PairRef[];
  /** Pairs that already failed or were declined. */
  forbidden?: PairRef[];
}

/** Points per criterion of one pair. */
export type ScoreBreakdown = Record<Criterion, number>;

const levelRank = (level: ManagementLevel) => managementLevels.indexOf(level);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Km between two organisations; infinite when either location is unknown (0 for an organisation to itself). */
export function haversineKm(a: MatchingOrganisation, b: MatchingOrganisation): number {
  if (a.id === b.id) return 0;
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null)
    return Number.POSITIVE_INFINITY;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The readable scoring of one pair, criterion by criterion, hard constraints not considered. The fast rows
 * give the same total (a test holds them equal).
 */
export function scoreBreakdown(
  adept: MatchingAdept,
  mentor: MatchingMentor,
  distanceKm: number,
  rules: MatchingRules,
  weights: ScoreWeights,
): ScoreBreakdown {
  const wishes = adept.needs.wishes;
  const normalise = (text: string) => text.trim().toLowerCase();
  const areas = new Set(adept.needs.developmentAreas.map(normalise));
  const competences = new Set(mentor.profile.competences.map(normalise));
  const covered = [...areas].filter((area) => competences.has(area)).length;
  const adeptLevel = adept.basics.managementLevel;
  const experienced = mentor.profile.experienceLevels.includes(adeptLevel);
  const above = levelRank(mentor.basics.managementLevel) > levelRank(adeptLevel);
  const wishedSector = wishes.sector.trim();
  const sectorMet =
    wishedSector === '' ||
    sameText(mentor.basics.sector, wishedSector) ||
    mentor.profile.sectors.some((s) => sameText(s, wishedSector));
  const adeptLanguages = adept.basics.languages;
  const mentorLanguages = mentor.basics.languages;
  const languageMet =
    adeptLanguages.length === 0 ||
    mentorLanguages.length === 0 ||
    adeptLanguages.some((l) => mentorLanguages.some((k) => sameText(k, l)));
  const wantsOther = wishes.otherOrganisation || rules.crossOrganisation === 'preferred';
  const mentorWished = mentor.wishedAdeptLevels ?? [];
  return {
    developmentAreas: share(weights.developmentAreas, covered, areas.size),
    managementLevel: experienced
      ? weights.managementLevel
      : above
        ? Math.floor(weights.managementLevel / 2)
        : 0,
    sector: sectorMet ? weights.sector : 0,
    language: languageMet ? weights.language : 0,
    travel: travelPoints(weights.travel, distanceKm, adept.basics.maxTravelMinutes),
    wishedLevel:
      wishes.level === null || wishes.level === mentor.basics.managementLevel ? weights.wishedLevel : 0,
    wishedGender:
      wishes.gender === 'unspecified' || wishes.gender === mentor.basics.gender ? weights.wishedGender : 0,
    otherOrganisation:
      !wantsOther || adept.organisationId !== mentor.organisationId ? weights.otherOrganisation : 0,
    mentorWishes: mentorWished.length === 0 || mentorWished.includes(adeptLevel) ? weights.mentorWishes : 0,
  };
}

export class MatchingProfileError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid matching input: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'MatchingProfileError';
  }
}

/** Interns strings to small integers, case-insensitively. */
class Interner {
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    const key = text.trim().toLowerCase();
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
  find(text: string): number {
    return this.ids.get(text.trim().toLowerCase()) ?? -1;
  }
  get size(): number {
    return this.ids.size;
  }
}

const genderList = ['woman', 'man', 'other', 'unspecified'] as const;
const LEVELS = managementLevels.length;
/** Sets of levels a mentor has experience of (mentor categories: own level × experience levels × gender). */
const EXPERIENCE_SETS = 2 ** LEVELS;

/**
 * Everything needed to score pairs fast, numbered in id order. Adepts with a locked pair are kept (for
 * explanations) but left out of `rows`, which covers the adepts still to be matched.
 */
export interface ScoringContext {
  input: MatchingInput;
  weights: ScoreWeights;
  maxScore: number;
  adepts: MatchingAdept[];
  mentors: MatchingMentor[];
  organisations: MatchingOrganisation[];
  adeptIndex: Map<string, number>;
  mentorIndex: Map<string, number>;
  /**
   * Distance between organisations i and j at i * organisationCount + j, for every organisation i of an
   * adept and j of a mentor (NaN for other pairs, which nothing reads).
   */
  distanceKm: Float64Array;
  adeptOrganisation: Int32Array;
  mentorOrganisation: Int32Array;
  /** Capacity left per mentor before the locks of this run. */
  freeCapacity: Int32Array;
  lockedMentorOfAdept: Int32Array;
  /** Adepts to be matched (no locked pair), as indices into `adepts`. */
  freeAdepts: Int32Array;
  /** Capacity per mentor left after the locks. */
  capacityAfterLocks: Int32Array;
  /** Scores of every pair of a free adept (-1: not allowed), row by row over `freeAdepts`. */
  rows: ScoreRows;
  /** The hard constraints that exclude a pair, in a fixed order (empty: allowed). */
  exclusions(adept: number, mentor: number): HardConstraint[];
  breakdown(adept: number, mentor: number): ScoreBreakdown;
}

export function buildScoringContext(input: MatchingInput): ScoringContext {
  const problems: string[] = [];
  const weights = input.weights ?? defaultScoreWeights;
  let maxScore = 0;
  for (const criterion of criteria) {
    const weight = weights[criterion];
    if (!Number.isSafeInteger(weight) || weight < 0 || weight > MAX_CRITERION_WEIGHT) {
      problems.push(`weight ${criterion} must be an integer in 0..${MAX_CRITERION_WEIGHT}`);
    } else maxScore += weight;
  }
  const organisations = [...input.organisations].sort(byId);
  const adepts = [...input.adepts].sort(byId);
  const mentors = [...input.mentors].sort(byId);
  const organisationIndex = new Map(organisations.map((o, i) => [o.id, i]));
  const adeptIndex = new Map(adepts.map((a, i) => [a.id, i]));
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
  if (organisationIndex.size !== organisations.length) problems.push('organisation ids must be unique');
  if (adeptIndex.size !== adepts.length) problems.push('adept ids must be unique');
  if (mentorIndex.size !== mentors.length) problems.push('mentor ids must be unique');
  for (const o of organisations) {
    const unknown = o.latitude === null && o.longitude === null;
    if (!unknown && !(Number.isFinite(o.latitude) && Number.isFinite(o.longitude)))
      problems.push(`organisation ${o.id}: coordinates`);
  }
  const organisationOf = (person: { id: string; organisationId: string }) => {
    const index = organisationIndex.get(person.organisationId);
    if (index === undefined) problems.push(`${person.id}: unknown organisation ${person.organisationId}`);
    return index ?? 0;
  };
  const adeptOrganisation = Int32Array.from(adepts, organisationOf);
  const mentorOrganisation = Int32Array.from(mentors, organisationOf);
  const freeCapacity = Int32Array.from(mentors, (m) => Math.max(0, m.profile.capacity - m.currentAdepts));

  const adeptCount = adepts.length;
  const mentorCount = mentors.length;
  const organisationCount = organisations.length;
  // Distances from each adept's organisation to each mentor's (the only ones read); NaN elsewhere.
  const distanceKm = new Float64Array(organisationCount * organisationCount).fill(Number.NaN);
  const mentorOrganisations = [...new Set(mentorOrganisation)].sort((x, y) => x - y);
  for (const i of new Set(adeptOrganisation)) {
    for (const j of mentorOrganisations) {
      distanceKm[i * organisationCount + j] = haversineKm(organisations[i]!, organisations[j]!);
    }
  }

  // Pairs excluded one by one: links between the people, forbidden pairs.
  const pairExclusion = new Map<number, HardConstraint>();
  const pairKey = (a: number, m: number) => a * mentorCount + m;
  const excludePair = (adeptId: string, mentorId: string, reason: HardConstraint) => {
    const a = adeptIndex.get(adeptId);
    const m = mentorIndex.get(mentorId);
    if (a === undefined || m === undefined) return false;
    if (!pairExclusion.has(pairKey(a, m)) || reason === 'forbidden') pairExclusion.set(pairKey(a, m), reason);
    return true;
  };
  for (const link of input.links ?? []) {
    const reason: HardConstraint = link.kind === 'declared_conflict' ? 'declared_conflict' : 'dependency';
    if (reason === 'dependency' && !input.rules.excludeDependency) continue;
    excludePair(link.personA, link.personB, reason);
    excludePair(link.personB, link.personA, reason);
  }
  for (const pair of input.forbidden ?? []) {
    if (!excludePair(pair.adept, pair.mentor, 'forbidden')) {
      problems.push(`forbidden pair ${pair.adept}–${pair.mentor}: unknown adept or mentor`);
    }
  }
  const excludedKeys = [...pairExclusion.keys()].sort((x, y) => x - y);
  const excludedStart = new Int32Array(adeptCount + 1);
  const excludedMentor = Int32Array.from(excludedKeys, (key) => key % mentorCount);
  for (const key of excludedKeys) {
    const next = Math.floor(key / mentorCount) + 1;
    excludedStart[next] = excludedStart[next]! + 1;
  }
  for (let a = 0; a < adeptCount; a++) excludedStart[a + 1] = excludedStart[a + 1]! + excludedStart[a]!;

  // Locks.
  const lockedMentorOfAdept = new Int32Array(adeptCount).fill(-1);
  const capacityAfterLocks = Int32Array.from(freeCapacity);
  for (const lock of input.locked ?? []) {
    const a = adeptIndex.get(lock.adept);
    const m = mentorIndex.get(lock.mentor);
    if (a === undefined || m === undefined) {
      problems.push(`locked pair ${lock.adept}–${lock.mentor}: unknown adept or mentor`);
      continue;
    }
    if (lockedMentorOfAdept[a] !== -1) problems.push(`adept ${lock.adept} is locked more than once`);
    if (pairExclusion.get(pairKey(a, m)) === 'forbidden') {
      problems.push(`locked pair ${lock.adept}–${lock.mentor} is also forbidden`);
    }
    if (capacityAfterLocks[m]! <= 0)
      problems.push(`locked pair ${lock.adept}–${lock.mentor}: no capacity left`);
    lockedMentorOfAdept[a] = m;
    capacityAfterLocks[m] = capacityAfterLocks[m]! - 1;
  }
  const mentorExclusion = (m: number): HardConstraint | null => {
    const mentor = mentors[m]!;
    if (!mentor.admitted) return 'mentor_not_admitted';
    if (input.rules.requireTrainedMentor && !mentor.trained) return 'mentor_not_trained';
    return null;
  };

  const exclusions = (a: number, m: number): HardConstraint[] => {
    const adept = adepts[a]!;
    const mentor = mentors[m]!;
    const found: HardConstraint[] = [];
    if (input.rules.crossOrganisation === 'required' && adept.organisationId === mentor.organisationId) {
      found.push('same_organisation');
    }
    const pairReason = pairExclusion.get(pairKey(a, m));
    if (pairReason) found.push(pairReason);
    if (!mentor.admitted) found.push('mentor_not_admitted');
    if (input.rules.requireTrainedMentor && !mentor.trained) found.push('mentor_not_trained');
    if (capacityAfterLocks[m]! <= 0 && lockedMentorOfAdept[a] !== m) found.push('no_free_capacity');
    if (
      input.rules.mentorLevelAtLeastAdept &&
      levelRank(mentor.basics.managementLevel) < levelRank(adept.basics.managementLevel)
    ) {
      found.push('mentor_level_below');
    }
    return found;
  };

  if (problems.length > 0) throw new MatchingProfileError(problems);
  const freeAdepts = Int32Array.from(adepts.map((_, a) => a).filter((a) => lockedMentorOfAdept[a] === -1));

  // --- Fast tables ---------------------------------------------------------------------------------
  const rules = input.rules;
  const areaKeys = new Interner();
  for (const adept of adepts) for (const area of adept.needs.developmentAreas) areaKeys.id(area);
  const areaWords = Math.max(1, Math.ceil(areaKeys.size / 32));
  const adeptAreaMask = new Uint32Array(adeptCount * areaWords);
  const mentorAreaMask = new Uint32Array(mentorCount * areaWords);
  const setBit = (mask: Uint32Array, base: number, bit: number) => {
    mask[base + (bit >>> 5)] = mask[base + (bit >>> 5)]! | (1 << (bit & 31));
  };
  adepts.forEach((adept, a) => {
    for (const area of adept.needs.developmentAreas) setBit(adeptAreaMask, a * areaWords, areaKeys.id(area));
  });
  mentors.forEach((mentor, m) => {
    for (const competence of mentor.profile.competences) {
      const bit = areaKeys.find(competence);
      if (bit >= 0) setBit(mentorAreaMask, m * areaWords, bit);
    }
  });

  // Level, experience and gender of a mentor as one category (numbered among the categories mentors
  // have); the adept levels the mentor wishes as bits.
  const categoryOfMentor = mentors.map((mentor) => {
    let experience = 0;
    for (const level of mentor.profile.experienceLevels) experience |= 1 << levelRank(level);
    return (
      (levelRank(mentor.basics.managementLevel) * EXPERIENCE_SETS + experience) * genderList.length +
      genderList.indexOf(mentor.basics.gender)
    );
  });
  const mentorCategories = Int32Array.from(new Set(categoryOfMentor)).sort();
  const categorySlot = new Map(Array.from(mentorCategories, (category, slot) => [category, slot]));
  const mentorCode = Int32Array.from(mentors, (mentor, m) => {
    const wished = mentor.wishedAdeptLevels ?? [];
    let wishBits = 0;
    for (let level = 0; level < LEVELS; level++) {
      if (wished.length === 0 || wished.some((w) => levelRank(w) === level)) wishBits |= 1 << level;
    }
    return (categorySlot.get(categoryOfMentor[m]!)! << LEVELS) | wishBits;
  });

  // Sector wishes: one row of mentors per wished sector, and a last row of zeros for adepts without a wish.
  const sectorKeys = new Interner();
  const adeptWishedSector = Int32Array.from(adepts, (adept) =>
    adept.needs.wishes.sector.trim() === '' ? -1 : sectorKeys.id(adept.needs.wishes.sector),
  );
  const mentorHasSector = new Uint8Array((sectorKeys.size + 1) * mentorCount);
  mentors.forEach((mentor, m) => {
    for (const sector of [mentor.basics.sector, ...mentor.profile.sectors]) {
      const s = sectorKeys.find(sector);
      if (s >= 0) mentorHasSector[s * mentorCount + m] = 1;
    }
  });

  // Languages: bitmasks over the languages adepts speak.
  const languageKeys = new Interner();
  for (const adept of adepts) for (const language of adept.basics.languages) languageKeys.id(language);
  const languageWords = Math.max(1, Math.ceil(languageKeys.size / 32));
  const adeptLanguageMask = new Uint32Array(adeptCount * languageWords);
  const mentorLanguageMask = new Uint32Array(mentorCount * languageWords);
  const adeptAnyLanguage = new Uint8Array(adeptCount);
  const mentorAnyLanguage = new Uint8Array(mentorCount);
  adepts.forEach((adept, a) => {
    adeptAnyLanguage[a] = adept.basics.languages.length === 0 ? 1 : 0;
    for (const language of adept.basics.languages)
      setBit(adeptLanguageMask, a * languageWords, languageKeys.id(language));
  });
  mentors.forEach((mentor, m) => {
    mentorAnyLanguage[m] = mentor.basics.languages.length === 0 ? 1 : 0;
    for (const language of mentor.basics.languages) {
      const bit = languageKeys.find(language);
      if (bit >= 0) setBit(mentorLanguageMask, m * languageWords, bit);
    }
  });

  // Mentors' organisations numbered among themselves; a mentor no adept can have in this run sits in an
  // extra one that excludes every pair.
  const organisationSlot = new Map(mentorOrganisations.map((o, slot) => [o, slot]));
  const mentorOrganisationSlot = Int32Array.from(mentors, (_, m) =>
    mentorExclusion(m) !== null || capacityAfterLocks[m]! <= 0
      ? mentorOrganisations.length
      : organisationSlot.get(mentorOrganisation[m]!)!,
  );

  const tables: RowKernelTables = {
    mentorCount,
    organisationCount,
    areaWords,
    languageWords,
    sectorRows: sectorKeys.size,
    levelCount: LEVELS,
    genderCount: genderList.length,
    weights: { ...weights },
    sameOrganisationExcluded: rules.crossOrganisation === 'required' ? 1 : 0,
    levelBelowExcluded: rules.mentorLevelAtLeastAdept ? 1 : 0,
    distanceKm,
    adeptOrganisation,
    adeptMaxTravelMinutes: Float64Array.from(
      adepts,
      (adept) => adept.basics.maxTravelMinutes ?? DEFAULT_MAX_TRAVEL_MINUTES,
    ),
    adeptWantsOther: Uint8Array.from(adepts, (adept) =>
      adept.needs.wishes.otherOrganisation || rules.crossOrganisation === 'preferred' ? 1 : 0,
    ),
    adeptLevel: Int32Array.from(adepts, (adept) => levelRank(adept.basics.managementLevel)),
    adeptWishedLevel: Int32Array.from(adepts, (adept) =>
      adept.needs.wishes.level === null ? -1 : levelRank(adept.needs.wishes.level),
    ),
    adeptWishedGender: Int32Array.from(adepts, (adept) =>
      adept.needs.wishes.gender === 'unspecified' ? -1 : genderList.indexOf(adept.needs.wishes.gender),
    ),
    adeptAreaMask,
    adeptLanguageMask,
    adeptAnyLanguage,
    adeptWishedSector,
    mentorAreaMask,
    mentorLanguageMask,
    mentorAnyLanguage,
    mentorOrganisations: Int32Array.from(mentorOrganisations),
    mentorOrganisationSlot,
    mentorCategories,
    mentorCode,
    mentorHasSector,
    excludedStart,
    excludedMentor,
  };
  const kernel = new RowKernel(tables);

  const rows: ScoreRows = {
    adeptCount: freeAdepts.length,
    mentorCount,
    maxScore,
    capacity: capacityAfterLocks,
    fillRow: (row, scores) => kernel.fillRow(freeAdepts[row]!, scores),
  };
  registerKernelSource(rows, { tables, adeptOfRow: freeAdepts });

  return {
    input,
    weights,
    maxScore,
    adepts,
    mentors,
    organisations,
    adeptIndex,
    mentorIndex,
    distanceKm,
    adeptOrganisation,
    mentorOrganisation,
    freeCapacity,
    lockedMentorOfAdept,
    freeAdepts,
    capacityAfterLocks,
    rows,
    exclusions,
    breakdown: (a, m) =>
      scoreBreakdown(
        adepts[a]!,
        mentors[m]!,
        distanceKm[adeptOrganisation[a]! * organisationCount + mentorOrganisation[m]!]!,
        rules,
        weights,
      ),
  };
}

export const breakdownTotal = (breakdown: ScoreBreakdown) =>
  criteria.reduce((sum, criterion) => sum + breakdown[criterion], 0);

/** A score on the 0–100 scale shown to people, to one decimal. */
export const displayScore = (score: number, maxScore: number) =>
  maxScore === 0 ? 0 : Math.round((score * 1000) / maxScore) / 10;
