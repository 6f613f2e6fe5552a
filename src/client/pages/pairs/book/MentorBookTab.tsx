import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { Loaded } from '../../../components/Page.tsx';
import { useApiData } from '../../../hooks.ts';
import type { PairTabProps } from '../PairPage.tsx';
import {
  DownloadSection,
  GoalsSection,
  MeetingsSection,
  PlanSection,
  ProgressSection,
  ReadingSection,
  ReflectionSection,
  type SectionProps,
} from './BookSections.tsx';
import { bookMeetingsSchema, bookPath, mentorBookSchema } from './bookApi.ts';

const sections = [
  { path: '', key: 'goals', Component: GoalsSection },
  { path: 'plan', key: 'plan', Component: PlanSection },
  { path: 'meetings', key: 'meetings', Component: MeetingsSection },
  { path: 'progress', key: 'progress', Component: ProgressSection },
  { path: 'reflection', key: 'reflection', Component: ReflectionSection },
  { path: 'reading', key: 'reading', Component: ReadingSection },
  { path: 'download', key: 'download', Component: DownloadSection },
] as const;

/** Today in Sweden, as a calendar date (the default date of a new meeting note or rating). */
const swedishToday = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/**
 * The mentor book: the pair's own workbook, in sections with their own addresses
 * (/pairs/:id/book, …/plan, …/meetings, …/progress, …/reflection, …/reading, …/download).
 * Only the two parties reach this tab; the server answers everyone else 404 or 403 anyway.
 */
export function MentorBookTab({ pair }: PairTabProps) {
  const { t } = useTranslation();
  const book = useApiData(bookPath(pair.id), mentorBookSchema);
  const meetings = useApiData(`/api/pairs/${pair.id}/meetings`, bookMeetingsSchema);
  const [saved, setSaved] = useState(0);
  const { pathname } = useLocation();
  // "Saved." belongs to the section where it happened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => setSaved(0), [pathname]);
  const reload = book.reload;
  const changed = useCallback(() => {
    reload();
    setSaved((n) => n + 1);
  }, [reload]);
  const other = pair.viewerRole === 'adept' ? pair.mentor : pair.adept;
  const base = `/pairs/${pair.id}/book`;
  return (
    <div className="mentor-book">
      <p>{t('book.intro')}</p>
      <nav className="pair-tabs book-sections" aria-label={t('book.sectionsLabel')}>
        <ul>
          {sections.map((s) => (
            <li key={s.key}>
              <NavLink to={s.path ? `${base}/${s.path}` : base} end={s.path === ''}>
                {t(`book.sections.${s.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div role="status" className="book-saved">
        {saved > 0 && <span key={saved}>{t('book.saved')}</span>}
      </div>
      <Loaded state={book}>
        {(data) => {
          const writable = !data.pairClosed && !data.clearedAt;
          const props: SectionProps = {
            pair,
            book: data,
            otherName: other.name,
            today: swedishToday(),
            // Notes are tied to a meeting that has begun (writing them marks it held), latest first; one
            // that has notes in the book already says so (each of the two may write their own).
            meetings: (meetings.data?.meetings ?? [])
              .filter((m) => m.status !== 'cancelled' && Date.parse(m.startsAt) <= Date.now())
              .map((m) => ({
                ...m,
                hasNotes: data.items.some((item) => item.kind === 'meeting_log' && item.meetingId === m.id),
              }))
              .sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
            changed,
            writable,
          };
          return (
            <>
              {!writable && <p className="notice">{t('book.readOnly')}</p>}
              <Routes>
                {sections.map(({ path, key, Component }) =>
                  path === '' ? (
                    <Route key={key} index element={<Component {...props} />} />
                  ) : (
                    <Route key={key} path={path} element={<Component {...props} />} />
                  ),
                )}
                <Route path="*" element={<p>{t('common.notFound.text')}</p>} />
              </Routes>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
