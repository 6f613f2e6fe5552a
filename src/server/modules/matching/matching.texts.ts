import type { Locale } from '../../../shared/roles.ts';

/** The board's own sentences (the engine renders its explanations itself), in Swedish and English. */
export const matchingTexts = {
  sv: {
    bestMentor: (mentor: string) => `${mentor} är den mentor som ger adepten högst poäng.`,
    lockedByHand: 'Paret är låst för hand.',
    noExplanation: 'Förklaringar tas inte fram för så stora körningar; poängen per kriterium visas ändå.',
    lockDropped: {
      adept: (adept: string, mentor: string) =>
        `Låsningen ${adept} – ${mentor} kunde inte behållas: adepten väntar inte längre på en mentor.`,
      mentor: (adept: string, mentor: string) =>
        `Låsningen ${adept} – ${mentor} kunde inte behållas: mentorn kan inte matchas nu (pausad, ingen ledig plats eller inte längre antagen).`,
      forbidden: (adept: string, mentor: string) =>
        `Låsningen ${adept} – ${mentor} kunde inte behållas: paret är spärrat.`,
      twice: (adept: string, mentor: string) =>
        `Låsningen ${adept} – ${mentor} kunde inte behållas: adepten har redan en annan låsning.`,
    },
    published: 'Publicerad',
  },
  en: {
    bestMentor: (mentor: string) => `${mentor} is the mentor who gives the adept the highest score.`,
    lockedByHand: 'The pair is locked by hand.',
    noExplanation: 'Explanations are not made for runs this large; the points per criterion are still shown.',
    lockDropped: {
      adept: (adept: string, mentor: string) =>
        `The lock ${adept} – ${mentor} could not be kept: the adept is no longer waiting for a mentor.`,
      mentor: (adept: string, mentor: string) =>
        `The lock ${adept} – ${mentor} could not be kept: the mentor cannot be matched now (paused, no free place, or no longer admitted).`,
      forbidden: (adept: string, mentor: string) =>
        `The lock ${adept} – ${mentor} could not be kept: the pair is forbidden.`,
      twice: (adept: string, mentor: string) =>
        `The lock ${adept} – ${mentor} could not be kept: the adept already has another lock.`,
    },
    published: 'Published',
  },
} satisfies Record<Locale, unknown>;
