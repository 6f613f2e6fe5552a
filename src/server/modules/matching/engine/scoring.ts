import type { MentorProfile, NeedsProfile, ProfileBasics } from '../../../../shared/intake.ts';
import type { ProgrammeSettings } from '../../../../shared/programme.ts';
import { managementLevels } from '../../../../shared/roles.ts';
import type { PairRef, ScoreRows } from './types.ts';

/**
 * The scoring layer: from profiles as the app stores them to integer pair scores and hard constraints.
 * Scores are integers 0..Σ weights (1000 with the default weights), shown to people as 0–100.
 * Rows are scored in tight loops over typed arrays (no allocation per pair), so 200 million pairs stay fast;
 * `scoreBreakdown` computes the same score criterion by criterion, readably, for explanations.
 */

export type ManagementLevel = (typeof managementLevels)[number];

export const criteria = [
  'developmentAreas',
  'managementLevel',
  'sector',
  'language',
  'travel',
  'wishedLevel',
  'wishedGender',
  'otherOrganisation',
  'mentorWishes',
] as const;
export type Criterion = (typeof criteria)[number];
export type ScoreWeights = Record<Criterion, number>;

/** The default weights; they add up to 1000, the default score scale. */
export const defaultScoreWeights: ScoreWeights = {
  developmentAreas: 300,
  managementLevel: 150,
  sector: 100,
  language: 100,
  travel: 150,
  wishedLevel: 60,
  wishedGender: 60,
  otherOrganisation: 40,
  mentorWishes: 40,
};

/** Door-to-door speed assumed to turn distance into travel time (km per minute). */
export const TRAVEL_KM_PER_MINUTE = 1;
/** The travel time that scores nothing when the adept has not given a maximum. */
export const DEFAULT_MAX_TRAVEL_MINUTES = 90;
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

/** `weight` scaled by `part / whole`, rounded down, so points are integers and never exceed the weight. */
const share = (weight: number, part: number, whole: number) =>
  whole <= 0 ? weight : Math.floor((weight * part) / whole);

export function travelPoints(weight: number, distanceKm: number, maxTravelMinutes: number | null): number {
  const limit = maxTravelMinutes ?? DEFAULT_MAX_TRAVEL_MINUTES;
  const minutes = distanceKm / TRAVEL_KM_PER_MINUTE;
  if (limit <= 0) return minutes < 1 ? weight : 0;
  if (minutes >= limit) return 0;
  return Math.floor(weight * (1 - minutes / limit));
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

const popcount32 = (x: number) => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};

/** Marks a hard-constraint violation inside a row sum: far below any sum of points. */
const EXCLUDED = -(2 ** 30);
const genderList = ['woman', 'man', 'other', 'unspecified'] as const;
const LEVELS = managementLevels.length;
/** Mentor categories: own level × experience levels (bitmask) × gender. */
const CATEGORY_COUNT = LEVELS * 2 ** LEVELS * genderList.length;

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
  /** Distance between organisations i and j at i * organisationCount + j. */
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
  const distanceKm = new Float64Array(organisationCount * organisationCount);
  for (let i = 0; i < organisationCount; i++) {
    for (let j = 0; j < organisationCount; j++) {
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
  const maxAreas = areaKeys.size;
  const areaPoints = new Int32Array(adeptCount * (maxAreas + 1));
  adepts.forEach((adept, a) => {
    const areas = new Set(adept.needs.developmentAreas.map((k) => k.trim().toLowerCase()));
    for (const area of adept.needs.developmentAreas) setBit(adeptAreaMask, a * areaWords, areaKeys.id(area));
    for (let k = 0; k <= maxAreas; k++) {
      areaPoints[a * (maxAreas + 1) + k] = share(
        weights.developmentAreas,
        Math.min(k, areas.size),
        areas.size,
      );
    }
  });
  mentors.forEach((mentor, m) => {
    for (const competence of mentor.profile.competences) {
      const bit = areaKeys.find(competence);
      if (bit >= 0) setBit(mentorAreaMask, m * areaWords, bit);
    }
  });

  // Travel, the wish for another organisation and the cross-organisation rule: per adept and organisation.
  const organisationPoints = new Int32Array(adeptCount * organisationCount);
  adepts.forEach((adept, a) => {
    const from = adeptOrganisation[a]!;
    const wantsOther = adept.needs.wishes.otherOrganisation || rules.crossOrganisation === 'preferred';
    for (let o = 0; o < organisationCount; o++) {
      const same = o === from;
      if (same && rules.crossOrganisation === 'required') {
        organisationPoints[a * organisationCount + o] = EXCLUDED;
        continue;
      }
      // Mentor and adept meet at the mentor's workplace: the adept travels there.
      organisationPoints[a * organisationCount + o] =
        travelPoints(
          weights.travel,
          distanceKm[from * organisationCount + o]!,
          adept.basics.maxTravelMinutes,
        ) + (!wantsOther || !same ? weights.otherOrganisation : 0);
    }
  });

  // Level, wished level and gender: per adept and mentor category.
  const mentorCategory = Int32Array.from(mentors, (mentor) => {
    let experience = 0;
    for (const level of mentor.profile.experienceLevels) experience |= 1 << levelRank(level);
    return (
      (levelRank(mentor.basics.managementLevel) * 2 ** LEVELS + experience) * genderList.length +
      genderList.indexOf(mentor.basics.gender)
    );
  });
  const categoryPoints = new Int32Array(adeptCount * CATEGORY_COUNT);
  adepts.forEach((adept, a) => {
    const adeptLevel = levelRank(adept.basics.managementLevel);
    const wishes = adept.needs.wishes;
    for (let level = 0; level < LEVELS; level++) {
      for (let experience = 0; experience < 2 ** LEVELS; experience++) {
        for (let g = 0; g < genderList.length; g++) {
          const category = (level * 2 ** LEVELS + experience) * genderList.length + g;
          let points = 0;
          if (rules.mentorLevelAtLeastAdept && level < adeptLevel) points = EXCLUDED;
          if ((experience >> adeptLevel) & 1) points += weights.managementLevel;
          else if (level > adeptLevel) points += Math.floor(weights.managementLevel / 2);
          if (wishes.level === null || levelRank(wishes.level) === level) points += weights.wishedLevel;
          if (wishes.gender === 'unspecified' || wishes.gender === genderList[g])
            points += weights.wishedGender;
          categoryPoints[a * CATEGORY_COUNT + category] = points;
        }
      }
    }
  });
  const adeptLevel = Int32Array.from(adepts, (adept) => levelRank(adept.basics.managementLevel));
  const mentorWishPoints = new Int32Array(mentorCount * LEVELS);
  mentors.forEach((mentor, m) => {
    const wished = mentor.wishedAdeptLevels ?? [];
    for (let level = 0; level < LEVELS; level++) {
      mentorWishPoints[m * LEVELS + level] =
        wished.length === 0 || wished.some((w) => levelRank(w) === level) ? weights.mentorWishes : 0;
    }
  });

  // Sector wishes: one row of mentors per wished sector.
  const sectorKeys = new Interner();
  const adeptWishedSector = Int32Array.from(adepts, (adept) =>
    adept.needs.wishes.sector.trim() === '' ? -1 : sectorKeys.id(adept.needs.wishes.sector),
  );
  const mentorHasSector = new Uint8Array(sectorKeys.size * mentorCount);
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

  // Mentors no adept can have in this run.
  const mentorUnavailable = Uint8Array.from(mentors, (_, m) =>
    mentorExclusion(m) !== null || capacityAfterLocks[m]! <= 0 ? 1 : 0,
  );

  const kernel = new RowKernel({
    mentorCount,
    organisationCount,
    maxAreas,
    areaWords,
    languageWords,
    sectorWeight: weights.sector,
    languageWeight: weights.language,
    mentorUnavailable,
    adeptAreaMask,
    mentorAreaMask,
    areaPoints,
    adeptLanguageMask,
    mentorLanguageMask,
    adeptAnyLanguage,
    mentorAnyLanguage,
    organisationPoints,
    mentorOrganisation,
    categoryPoints,
    mentorCategory,
    mentorWishPoints,
    adeptLevel,
    adeptWishedSector,
    mentorHasSector,
    excludedStart,
    excludedMentor,
  });

  const rows: ScoreRows = {
    adeptCount: freeAdepts.length,
    mentorCount,
    maxScore,
    capacity: capacityAfterLocks,
    fillRow: (row, scores) => {
      const a = freeAdepts[row]!;
      kernel.fillRow(a, scores);
      kernel.applyExclusions(a, scores);
    },
  };

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

interface RowKernelTables {
  mentorCount: number;
  organisationCount: number;
  maxAreas: number;
  areaWords: number;
  languageWords: number;
  sectorWeight: number;
  languageWeight: number;
  mentorUnavailable: Uint8Array;
  adeptAreaMask: Uint32Array;
  mentorAreaMask: Uint32Array;
  areaPoints: Int32Array;
  adeptLanguageMask: Uint32Array;
  mentorLanguageMask: Uint32Array;
  adeptAnyLanguage: Uint8Array;
  mentorAnyLanguage: Uint8Array;
  organisationPoints: Int32Array;
  mentorOrganisation: Int32Array;
  categoryPoints: Int32Array;
  mentorCategory: Int32Array;
  mentorWishPoints: Int32Array;
  adeptLevel: Int32Array;
  adeptWishedSector: Int32Array;
  mentorHasSector: Uint8Array;
  excludedStart: Int32Array;
  excludedMentor: Int32Array;
}

/**
 * The hot loop: one adept's scores against every mentor from precomputed integer tables, no allocation.
 * A class with fixed fields keeps the loop monomorphic for the JIT.
 */
class RowKernel {
  constructor(private readonly t: RowKernelTables) {}

  fillRow(a: number, scores: Int32Array): void {
    const t = this.t;
    const mentorCount = t.mentorCount;
    const areaWords = t.areaWords;
    const languageWords = t.languageWords;
    const mentorUnavailable = t.mentorUnavailable;
    const mentorAreaMask = t.mentorAreaMask;
    const mentorLanguageMask = t.mentorLanguageMask;
    const mentorAnyLanguage = t.mentorAnyLanguage;
    const areaPoints = t.areaPoints;
    const organisationPoints = t.organisationPoints;
    const mentorOrganisation = t.mentorOrganisation;
    const categoryPoints = t.categoryPoints;
    const mentorCategory = t.mentorCategory;
    const mentorWishPoints = t.mentorWishPoints;
    const mentorHasSector = t.mentorHasSector;
    const organisationBase = a * t.organisationCount;
    const categoryBase = a * CATEGORY_COUNT;
    const areaBase = a * (t.maxAreas + 1);
    const level = t.adeptLevel[a]!;
    const wishedSector = t.adeptWishedSector[a]!;
    const sectorBase = wishedSector < 0 ? 0 : wishedSector * mentorCount;
    const sectorAlways = wishedSector < 0 ? t.sectorWeight : 0;
    const sectorIfMet = wishedSector < 0 ? 0 : t.sectorWeight;
    const anyLanguage = t.adeptAnyLanguage[a] === 1;
    const languageWeight = t.languageWeight;
    const areaMask0 = t.adeptAreaMask[a * areaWords]!;
    const languageMask0 = t.adeptLanguageMask[a * languageWords]!;
    for (let m = 0; m < mentorCount; m++) {
      if (mentorUnavailable[m] === 1) {
        scores[m] = -1;
        continue;
      }
      let overlap = popcount32(areaMask0 & mentorAreaMask[m * areaWords]!);
      for (let w = 1; w < areaWords; w++) {
        overlap += popcount32(t.adeptAreaMask[a * areaWords + w]! & mentorAreaMask[m * areaWords + w]!);
      }
      let languageMet =
        anyLanguage ||
        mentorAnyLanguage[m] === 1 ||
        (languageMask0 & mentorLanguageMask[m * languageWords]!) !== 0;
      for (let w = 1; !languageMet && w < languageWords; w++) {
        languageMet =
          (t.adeptLanguageMask[a * languageWords + w]! & mentorLanguageMask[m * languageWords + w]!) !== 0;
      }
      const score =
        areaPoints[areaBase + overlap]! +
        organisationPoints[organisationBase + mentorOrganisation[m]!]! +
        categoryPoints[categoryBase + mentorCategory[m]!]! +
        mentorWishPoints[m * LEVELS + level]! +
        sectorAlways +
        (sectorIfMet > 0 && mentorHasSector[sectorBase + m] === 1 ? sectorIfMet : 0) +
        (languageMet ? languageWeight : 0);
      scores[m] = score < 0 ? -1 : score;
    }
  }

  /** Pairs excluded one by one (links, forbidden pairs); kept out of the hot loop so it stays optimised. */
  applyExclusions(a: number, scores: Int32Array): void {
    const { excludedStart, excludedMentor } = this.t;
    for (let i = excludedStart[a]!, end = excludedStart[a + 1]!; i < end; i++)
      scores[excludedMentor[i]!] = -1;
  }
}
