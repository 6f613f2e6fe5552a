import { ProgrammeLimits, type ProgrammeSettings } from '../../../shared/programme.ts';

/**
 * List items in a programme's settings (milestones, questions, purposes …) carry a `key` that later
 * records point at (an answer, a training record, a consent). Administrators name items by their
 * labels; the keys are made here, only for items that have none yet, so a saved key never changes.
 */

const baseMax = ProgrammeLimits.keyMax - 4;

/** "Att leda chefer" → "att-leda-chefer"; "Förändring & mål" → "forandring-mal". */
export function slugify(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, baseMax)
    .replace(/^-+|-+$/g, '');
}

/** A key from the label that no key in `taken` has: "mal", "mal-2", "mal-3" … */
export function keyFromLabel(label: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = slugify(label) || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/** Gives each item without a key one made from its label, unique in the list; others stay as they are. */
export function withKeys<T extends { key: string }>(
  items: readonly T[],
  label: (item: T) => string,
  fallback: string,
): T[] {
  const taken = new Set(items.map((item) => item.key.trim()).filter(Boolean));
  return items.map((item) => {
    if (item.key.trim()) return item;
    const key = keyFromLabel(label(item), taken, fallback);
    taken.add(key);
    return { ...item, key };
  });
}

/** Every list in the settings with keys made for its new items, as the server requires them. */
export function withGeneratedKeys(settings: ProgrammeSettings): ProgrammeSettings {
  const sv = (item: { label: { sv: string } }) => item.label.sv;
  const title = (item: { title: { sv: string } }) => item.title.sv;
  return {
    ...settings,
    developmentAreas: withKeys(settings.developmentAreas, sv, 'area'),
    applicationQuestions: withKeys(settings.applicationQuestions, sv, 'question').map((question) => ({
      ...question,
      options: withKeys(question.options, sv, 'option'),
    })),
    privacy: { ...settings.privacy, purposes: withKeys(settings.privacy.purposes, sv, 'purpose') },
    approvalSteps: withKeys(settings.approvalSteps, (step) => step.approverName.sv, 'approval'),
    mentorTraining: {
      ...settings.mentorTraining,
      steps: withKeys(settings.mentorTraining.steps, title, 'training'),
    },
    processPlan: withKeys(settings.processPlan, title, 'milestone'),
    events: withKeys(settings.events, title, 'event'),
  };
}
