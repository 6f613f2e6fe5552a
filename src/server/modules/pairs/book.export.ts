import { todayInSweden } from '../../../shared/calendar.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import type { BookItem, BookItemKind } from '../../../shared/mentor-book.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { PairContext } from './pair-access.ts';

/** A party's view of the mentor book as a file: JSON for machines, a plain HTML page for people. */

interface ExportInput {
  ctx: PairContext;
  exportedAt: string;
  items: BookItem[];
}

const words = {
  sv: {
    title: 'Mentorbok',
    intro: (adept: string, mentor: string, programme: string) =>
      `Adept: ${adept}. Mentor: ${mentor}. Program: ${programme}.`,
    exported: 'Nedladdad',
    note: 'Filen innehåller det du ser i mentorboken: det ni delar och dina egna privata anteckningar. Förvara den säkert.',
    sections: {
      goal: 'Mål',
      action: 'Handlingsplan',
      meeting_log: 'Mötesanteckningar',
      progress: 'Framsteg',
      reflection: 'Reflektionsfrågor',
      homework: 'Hemuppgifter',
      reading_note: 'Läslista',
    } satisfies Record<BookItemKind, string>,
    fields: {
      title: 'Titel',
      specific: 'Specifikt – vad exakt',
      measurable: 'Mätbart – hur du vet',
      achievable: 'Accepterat och realistiskt – varför det går',
      relevant: 'Relevant – varför det är viktigt',
      timeBound: 'Tidsatt – klart senast',
      what: 'Vad',
      dueOn: 'Senast',
      done: 'Klart',
      heldOn: 'Mötesdatum',
      sinceLastTime: 'Vad har hänt sedan sist',
      dialogue: 'Vad vi pratade om',
      beforeNextTime: 'Vad ska hända till nästa gång',
      rating: 'Skattning (1–10)',
      ratedOn: 'Datum',
      note: 'Anteckning',
      prompt: 'Fråga eller uppgift',
      answer: 'Svar',
      book: 'Bok',
      goal: 'Mål',
    } as Record<string, string>,
    yes: 'ja',
    no: 'nej',
    shared: 'Delad med den andra i paret',
    private: 'Privat – bara du ser den',
    coordinator: 'Delad med koordinatorn',
    by: 'Skriven av',
    none: 'Inget här.',
  },
  en: {
    title: 'Mentor book',
    intro: (adept: string, mentor: string, programme: string) =>
      `Adept: ${adept}. Mentor: ${mentor}. Programme: ${programme}.`,
    exported: 'Downloaded',
    note: 'The file holds what you see in the mentor book: what you share and your own private notes. Keep it safe.',
    sections: {
      goal: 'Goals',
      action: 'Action plan',
      meeting_log: 'Meeting notes',
      progress: 'Progress',
      reflection: 'Reflection questions',
      homework: 'Homework',
      reading_note: 'Reading list',
    } satisfies Record<BookItemKind, string>,
    fields: {
      title: 'Title',
      specific: 'Specific – what exactly',
      measurable: 'Measurable – how you will know',
      achievable: 'Achievable – why it is realistic',
      relevant: 'Relevant – why it matters',
      timeBound: 'Time-bound – done by',
      what: 'What',
      dueOn: 'By',
      done: 'Done',
      heldOn: 'Meeting date',
      sinceLastTime: 'What has happened since last time',
      dialogue: 'What we talked about',
      beforeNextTime: 'What must happen before next time',
      rating: 'Rating (1–10)',
      ratedOn: 'Date',
      note: 'Note',
      prompt: 'Question or task',
      answer: 'Answer',
      book: 'Book',
      goal: 'Goal',
    } as Record<string, string>,
    yes: 'yes',
    no: 'no',
    shared: 'Shared with the other party',
    private: 'Private – only you see it',
    coordinator: 'Shared with the coordinator',
    by: 'Written by',
    none: 'Nothing here.',
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function renderBookExport(
  input: ExportInput,
  format: 'json' | 'html',
  locale: Locale,
): { contentType: string; filename: string; body: string } {
  const day = todayInSweden(new Date(input.exportedAt));
  const { ctx } = input;
  if (format === 'json') {
    return {
      contentType: 'application/json; charset=utf-8',
      filename: `mentorbok-${day}.json`,
      body: JSON.stringify(
        {
          exportedAt: input.exportedAt,
          pair: {
            id: ctx.pair.id,
            programme: ctx.pair.programme_name,
            adept: ctx.adept.name,
            mentor: ctx.mentor.name,
          },
          items: input.items.map(({ canEdit: _e, canDelete: _d, ...item }) => item),
        },
        null,
        2,
      ),
    };
  }
  const w = words[locale];
  const goalTitles = new Map(
    input.items.filter((i) => i.kind === 'goal').map((i) => [i.id, (i.content as { title: string }).title]),
  );
  const value = (key: string, v: unknown): string => {
    if (typeof v === 'boolean') return v ? w.yes : w.no;
    if (v === null || v === '') return '–';
    if (isDate(v)) return escapeHtml(formatDate(v, locale));
    if (key === 'rating') return String(v);
    return escapeHtml(String(v)).replace(/\n/g, '<br>');
  };
  const sections = (Object.keys(w.sections) as BookItemKind[]).map((kind) => {
    const items = input.items.filter((i) => i.kind === kind);
    const body =
      items.length === 0
        ? `<p>${w.none}</p>`
        : items
            .map((item) => {
              const rows = Object.entries(item.content as Record<string, unknown>).map(
                ([key, v]) => `<dt>${escapeHtml(w.fields[key] ?? key)}</dt><dd>${value(key, v)}</dd>`,
              );
              if (item.goalId && goalTitles.has(item.goalId)) {
                rows.unshift(`<dt>${w.fields.goal}</dt><dd>${escapeHtml(goalTitles.get(item.goalId)!)}</dd>`);
              }
              const meta = [
                `${w.by}: ${escapeHtml(item.author.name)}`,
                item.visibility === 'shared' ? w.shared : w.private,
                ...(item.sharedWithCoordinatorAt ? [w.coordinator] : []),
                escapeHtml(formatDateTime(item.updatedAt, locale)),
              ].join(' · ');
              return `<article><p class="meta">${meta}</p><dl>${rows.join('')}</dl></article>`;
            })
            .join('\n');
    return `<section><h2>${w.sections[kind]}</h2>\n${body}</section>`;
  });
  const body = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${w.title} – ${escapeHtml(ctx.adept.name)} &amp; ${escapeHtml(ctx.mentor.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
dt{font-weight:bold;margin-top:.5rem}dd{margin:0}article{border-top:1px solid #999;padding:.5rem 0}.meta{color:#444;font-size:.9rem}</style>
</head>
<body>
<h1>${w.title}</h1>
<p>${escapeHtml(w.intro(ctx.adept.name, ctx.mentor.name, ctx.pair.programme_name))}</p>
<p>${w.exported}: ${escapeHtml(formatDateTime(input.exportedAt, locale))}. ${w.note}</p>
${sections.join('\n')}
</body>
</html>
`;
  return { contentType: 'text/html; charset=utf-8', filename: `mentorbok-${day}.html`, body };
}
