import { managementLevels } from '../../../../../shared/roles.ts';
import type {
  ManagementLevel,
  MatchingAdept,
  MatchingInput,
  MatchingMentor,
  MatchingOrganisation,
  MatchingRules,
  PersonLink,
} from '../scoring.ts';
import { seededRandom } from './random-instances.ts';

/** Realistic profile instances from a fixed seed, for tests and the benchmark. */
export const ProfileDefaults = {
  organisations: 290,
  competences: 20,
  sectors: ['kommun', 'region', 'statlig myndighet', 'polis', 'fack'],
  languages: ['svenska', 'engelska', 'finska', 'arabiska'],
  /** Share of people with a declared dependency or conflict to someone on the other side. */
  linkShare: 0.01,
} as const;

export interface ProfileInstanceParameters {
  seed: number;
  adepts: number;
  mentors: number;
  organisations?: number;
  rules?: Partial<MatchingRules>;
  /** Share of mentors not admitted or not trained. */
  unavailableShare?: number;
  forbidden?: number;
}

export function profileInstance(p: ProfileInstanceParameters): MatchingInput {
  const random = seededRandom(p.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const organisationCount = p.organisations ?? ProfileDefaults.organisations;
  // Coordinates inside Sweden, weighted towards the south where most people live.
  const organisations: MatchingOrganisation[] = Array.from({ length: organisationCount }, (_, i) => {
    const north = random() < 0.15;
    return {
      id: `org${String(i).padStart(4, '0')}`,
      latitude: north ? 62 + random() * 6 : 55.4 + random() * 6.6,
      longitude: north ? 14 + random() * 8 : 11.9 + random() * 6.5,
    };
  });
  const competences = Array.from({ length: ProfileDefaults.competences }, (_, i) => `area-${i}`);
  const someCompetences = (min: number, max: number) => {
    const count = min + int(max - min + 1);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(pick(competences));
    return [...chosen];
  };
  const level = (): ManagementLevel => managementLevels[random() < 0.6 ? 0 : random() < 0.7 ? 1 : 2]!;
  const languages = () => (random() < 0.85 ? ['svenska'] : ['svenska', pick(ProfileDefaults.languages)]);
  const gender = () => pick(['woman', 'man', 'woman', 'man', 'other', 'unspecified'] as const);
  const width = String(Math.max(p.adepts, p.mentors)).length;
  const adepts: MatchingAdept[] = Array.from({ length: p.adepts }, (_, i) => ({
    id: `a${String(i).padStart(width, '0')}`,
    organisationId: pick(organisations).id,
    basics: {
      managementLevel: level(),
      sector: pick(ProfileDefaults.sectors),
      languages: languages(),
      maxTravelMinutes: random() < 0.5 ? null : 30 + int(150),
      gender: gender(),
    },
    needs: {
      developmentAreas: someCompetences(1, 5),
      wishes: {
        sector: random() < 0.4 ? pick(ProfileDefaults.sectors) : '',
        level: random() < 0.3 ? level() : null,
        gender: random() < 0.2 ? pick(['woman', 'man'] as const) : 'unspecified',
        otherOrganisation: random() < 0.5,
        other: '',
      },
    },
  }));
  const unavailable = p.unavailableShare ?? 0.02;
  const mentors: MatchingMentor[] = Array.from({ length: p.mentors }, (_, i) => {
    const own = managementLevels[random() < 0.3 ? 0 : random() < 0.6 ? 1 : 2]!;
    const experience = managementLevels.filter(
      (l) => managementLevels.indexOf(l) <= managementLevels.indexOf(own),
    );
    return {
      id: `m${String(i).padStart(width, '0')}`,
      organisationId: pick(organisations).id,
      basics: {
        managementLevel: own,
        sector: pick(ProfileDefaults.sectors),
        languages: languages(),
        gender: gender(),
      },
      profile: {
        competences: someCompetences(3, 8),
        experienceLevels: experience,
        sectors: random() < 0.3 ? [pick(ProfileDefaults.sectors)] : [],
        capacity: 1 + int(3),
      },
      currentAdepts: random() < 0.05 ? 1 : 0,
      admitted: random() >= unavailable / 2,
      trained: random() >= unavailable / 2,
      wishedAdeptLevels: random() < 0.2 ? [level()] : [],
    };
  });
  const links: PersonLink[] = [];
  const linkCount = Math.round((p.adepts + p.mentors) * ProfileDefaults.linkShare);
  for (let i = 0; i < linkCount && p.adepts > 0 && p.mentors > 0; i++) {
    links.push({
      personA: pick(adepts).id,
      personB: pick(mentors).id,
      kind: pick(['line_manager', 'approved_application', 'declared_conflict'] as const),
    });
  }
  const locked: MatchingInput['locked'] = [];
  const forbidden: MatchingInput['forbidden'] = [];
  for (let i = 0; i < (p.forbidden ?? 0) && p.adepts > 0 && p.mentors > 0; i++) {
    forbidden.push({ adept: pick(adepts).id, mentor: pick(mentors).id });
  }
  return {
    rules: {
      crossOrganisation: 'required',
      excludeDependency: true,
      mentorLevelAtLeastAdept: false,
      requireTrainedMentor: true,
      ...p.rules,
    },
    organisations,
    adepts,
    mentors,
    links,
    locked,
    forbidden,
  };
}
