import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BookItem, BookItemKind, MentorBook } from '../../../../shared/mentor-book.ts';
import type { PairSummary } from '../../../../shared/pair-year.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ProblemMessage } from '../../../components/ProblemMessage.tsx';
import { formatDate } from '../../../format.ts';
import { useAction, useLocale } from '../../../hooks.ts';
import { bodyOf, bookApi, bookPath, ofKind } from './bookApi.ts';
import { ItemCard } from './ItemCard.tsx';
import { ItemForm, type ItemFormProps } from './ItemForm.tsx';
import { ProgressChart } from './ProgressChart.tsx';

export interface SectionProps {
  pair: PairSummary;
  book: MentorBook;
  otherName: string;
  today: string;
  meetings: { id: string; date: string; time: string; hasNotes?: boolean }[];
  /** Loads the book again and says "Saved." */
  changed(): void;
  writable: boolean;
}

const goalsOf = (book: MentorBook) =>
  ofKind(book.items, 'goal').map((g) => ({ id: g.id, title: g.content.title, visibility: g.visibility }));

function formPropsOf(p: SectionProps): Pick<ItemFormProps, 'goals' | 'meetings' | 'today'> {
  return { goals: goalsOf(p.book), meetings: p.meetings, today: p.today };
}

/** A section of the book: its heading, what it is for, a button that opens a new item's form. */
function Section({
  id,
  title,
  intro,
  actions,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="book-section">
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{intro}</p>
      {actions}
      {children}
    </section>
  );
}

/** "New …" and the form it opens in place; the form closes on save or cancel. */
function AddItem({
  p,
  kind,
  preset,
  goalId,
  label,
  about,
  open,
  onOpen,
  onClose,
}: {
  p: SectionProps;
  kind: BookItemKind;
  preset?: ItemFormProps['preset'];
  goalId?: string;
  label?: string;
  /** What the new item is about (a goal, a book), said to screen readers when several buttons look alike. */
  about?: string;
  open: boolean;
  onOpen(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  // Under a goal's or a book's own heading (h3), the form's heading is one level down.
  const Heading = about ? 'h4' : 'h3';
  if (!p.writable) return null;
  if (!open) {
    return (
      <p>
        <button type="button" className="button button-primary" onClick={onOpen}>
          {label ?? t(`book.add.${kind}`)}
          {about && <span className="visually-hidden">: {about}</span>}
        </button>
      </p>
    );
  }
  return (
    <div className="card book-new">
      <Heading>
        {label ?? t(`book.add.${kind}`)}
        {about && `: ${about}`}
      </Heading>
      <ItemForm
        pairId={p.pair.id}
        kind={kind}
        otherName={p.otherName}
        {...formPropsOf(p)}
        preset={preset}
        goalId={goalId}
        onSaved={() => {
          onClose();
          p.changed();
        }}
        onCancel={onClose}
      />
    </div>
  );
}

function Empty({ kind }: { kind: BookItemKind }) {
  const { t } = useTranslation();
  return <p className="empty-state">{t(`book.empty.${kind}`)}</p>;
}

function useOpenForm() {
  const [open, setOpen] = useState<string | null>(null);
  return { is: (key: string) => open === key, open: setOpen, close: () => setOpen(null) };
}

function Card({
  p,
  item,
  ...rest
}: { p: SectionProps; item: BookItem } & Partial<Parameters<typeof ItemCard>[0]>) {
  return (
    <ItemCard
      item={item}
      pairId={p.pair.id}
      otherName={p.otherName}
      formProps={formPropsOf(p)}
      onChanged={p.changed}
      {...rest}
    />
  );
}

export function GoalsSection(p: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useOpenForm();
  const goals = ofKind(p.book.items, 'goal');
  return (
    <Section
      id="book-goals"
      title={t('book.sections.goals')}
      intro={t('book.intros.goals')}
      actions={
        <AddItem
          p={p}
          kind="goal"
          open={form.is('goal')}
          onOpen={() => form.open('goal')}
          onClose={form.close}
        />
      }
    >
      {goals.length === 0 && <Empty kind="goal" />}
      {goals.map((goal) => {
        const steps = ofKind(p.book.items, 'action').filter((s) => s.goalId === goal.id);
        const ratings = ofKind(p.book.items, 'progress')
          .filter((r) => r.goalId === goal.id)
          .sort((a, b) => a.content.ratedOn.localeCompare(b.content.ratedOn));
        const latest = ratings.at(-1);
        return (
          <Card key={goal.id} p={p} item={goal}>
            <p className="book-goal-status">
              {t('book.plan.count', {
                done: steps.filter((s) => s.content.done).length,
                total: steps.length,
              })}
              {' · '}
              {latest
                ? t('book.progress.latest', {
                    rating: latest.content.rating,
                    date: formatDate(latest.content.ratedOn, locale),
                  })
                : t('book.progress.none')}
            </p>
          </Card>
        );
      })}
    </Section>
  );
}

function NeedsGoal() {
  const { t } = useTranslation();
  return (
    <p className="notice">
      {t('book.noGoalsYet')} <Link to="..">{t('book.sections.goals')}</Link>
    </p>
  );
}

export function PlanSection(p: SectionProps) {
  const { t } = useTranslation();
  const form = useOpenForm();
  const goals = ofKind(p.book.items, 'goal');
  const steps = ofKind(p.book.items, 'action');
  return (
    <Section id="book-plan" title={t('book.sections.plan')} intro={t('book.intros.plan')}>
      {goals.length === 0 && <NeedsGoal />}
      {goals.map((goal) => {
        const mine = steps
          .filter((s) => s.goalId === goal.id)
          .sort((a, b) => a.content.dueOn.localeCompare(b.content.dueOn));
        return (
          <section key={goal.id} className="book-goal-group" aria-labelledby={`plan-${goal.id}`}>
            <h3 id={`plan-${goal.id}`}>{goal.content.title}</h3>
            <p className="hint">
              {t('book.plan.count', { done: mine.filter((s) => s.content.done).length, total: mine.length })}
            </p>
            {mine.map((step) => (
              <Card key={step.id} p={p} item={step} headingLevel={4}>
                <StepToggle p={p} step={step} />
              </Card>
            ))}
            <AddItem
              p={p}
              kind="action"
              goalId={goal.id}
              about={goal.content.title}
              open={form.is(goal.id)}
              onOpen={() => form.open(goal.id)}
              onClose={form.close}
            />
          </section>
        );
      })}
    </Section>
  );
}

function StepToggle({ p, step }: { p: SectionProps; step: Extract<BookItem, { kind: 'action' }> }) {
  const { t } = useTranslation();
  const action = useAction();
  if (!step.canEdit) return null;
  const done = step.content.done;
  return (
    <>
      {action.problem && <ProblemMessage problem={action.problem} />}
      <button
        type="button"
        className="button button-small"
        disabled={action.pending}
        onClick={() =>
          void action
            .run(() => bookApi.update(p.pair.id, step.id, bodyOf(step, { content: { done: !done } })))
            .then((ok) => ok && p.changed())
        }
      >
        {done ? t('book.plan.markNotDone') : t('book.plan.markDone')}
        <span className="visually-hidden">: {step.content.what}</span>
      </button>
    </>
  );
}

export function MeetingsSection(p: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useOpenForm();
  const logs = ofKind(p.book.items, 'meeting_log').sort((a, b) =>
    b.content.heldOn.localeCompare(a.content.heldOn),
  );
  const meetingDate = (id: string | null) => p.meetings.find((m) => m.id === id);
  return (
    <Section
      id="book-meetings"
      title={t('book.sections.meetings')}
      intro={t('book.intros.meetings')}
      actions={
        <AddItem
          p={p}
          kind="meeting_log"
          open={form.is('log')}
          onOpen={() => form.open('log')}
          onClose={form.close}
        />
      }
    >
      {logs.length === 0 && <Empty kind="meeting_log" />}
      {logs.map((log) => {
        const meeting = meetingDate(log.meetingId);
        return (
          <Card
            key={log.id}
            p={p}
            item={log}
            context={
              meeting && (
                <p className="hint">
                  {t('book.meta.meeting', { date: `${formatDate(meeting.date, locale)} ${meeting.time}` })}
                </p>
              )
            }
          />
        );
      })}
    </Section>
  );
}

export function ProgressSection(p: SectionProps) {
  const { t } = useTranslation();
  const form = useOpenForm();
  const goals = ofKind(p.book.items, 'goal');
  const ratings = ofKind(p.book.items, 'progress');
  return (
    <Section id="book-progress" title={t('book.sections.progress')} intro={t('book.intros.progress')}>
      {goals.length === 0 && <NeedsGoal />}
      {goals.map((goal) => {
        const mine = ratings.filter((r) => r.goalId === goal.id);
        return (
          <section key={goal.id} className="book-goal-group" aria-labelledby={`progress-${goal.id}`}>
            <h3 id={`progress-${goal.id}`}>{goal.content.title}</h3>
            <ProgressChart
              goalTitle={goal.content.title}
              ratings={mine.map((r) => ({
                id: r.id,
                rating: r.content.rating,
                ratedOn: r.content.ratedOn,
                note: r.content.note,
                by: r.author.isMe ? t('book.meta.byMe') : r.author.name,
              }))}
            />
            <AddItem
              p={p}
              kind="progress"
              goalId={goal.id}
              about={goal.content.title}
              open={form.is(goal.id)}
              onOpen={() => form.open(goal.id)}
              onClose={form.close}
            />
            {mine.some((r) => r.canEdit || r.canDelete) && (
              <details className="book-details">
                <summary>{t('book.progress.manage')}</summary>
                {mine.map((r) => (
                  <Card key={r.id} p={p} item={r} headingLevel={4} />
                ))}
              </details>
            )}
          </section>
        );
      })}
    </Section>
  );
}

export function ReflectionSection(p: SectionProps) {
  const { t } = useTranslation();
  const form = useOpenForm();
  const [preset, setPreset] = useState<string>('');
  const items = p.book.items.filter((i) => i.kind === 'reflection' || i.kind === 'homework');
  const examples = t('book.examplePrompts.items', { returnObjects: true }) as string[];
  return (
    <Section id="book-reflection" title={t('book.sections.reflection')} intro={t('book.intros.reflection')}>
      {p.writable && !form.is('reflection') && !form.is('homework') && (
        <>
          <div className="book-item-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setPreset('');
                form.open('reflection');
              }}
            >
              {t('book.add.reflection')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setPreset('');
                form.open('homework');
              }}
            >
              {t('book.add.homework')}
            </button>
          </div>
          <div className="book-examples">
            <h3>{t('book.examplePrompts.title')}</h3>
            <ul className="plain-list">
              {examples.map((prompt) => (
                <li key={prompt}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setPreset(prompt);
                      form.open('reflection');
                    }}
                  >
                    {t('book.examplePrompts.use', { prompt })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      {(['reflection', 'homework'] as const).map(
        (kind) =>
          form.is(kind) && (
            <AddItem
              key={kind}
              p={p}
              kind={kind}
              preset={preset ? { prompt: preset } : {}}
              open
              onOpen={() => undefined}
              onClose={form.close}
            />
          ),
      )}
      {items.length === 0 && <Empty kind="reflection" />}
      {items.map((item) => (
        <Card key={item.id} p={p} item={item} />
      ))}
    </Section>
  );
}

export function ReadingSection(p: SectionProps) {
  const { t } = useTranslation();
  const form = useOpenForm();
  const notes = ofKind(p.book.items, 'reading_note');
  const list = p.book.readingList;
  const others = notes.filter((n) => !list.includes(n.content.book));
  return (
    <Section id="book-reading" title={t('book.sections.reading')} intro={t('book.intros.reading')}>
      {list.length === 0 && <p>{t('book.reading.noList')}</p>}
      {list.map((title, index) => {
        const mine = notes.filter((n) => n.content.book === title);
        return (
          <section key={title} className="book-goal-group" aria-labelledby={`reading-${index}`}>
            <h3 id={`reading-${index}`}>{title}</h3>
            {mine.map((note) => (
              <Card key={note.id} p={p} item={note} headingLevel={4} />
            ))}
            <AddItem
              p={p}
              kind="reading_note"
              preset={{ book: title }}
              about={title}
              open={form.is(`book-${index}`)}
              onOpen={() => form.open(`book-${index}`)}
              onClose={form.close}
            />
          </section>
        );
      })}
      <section className="book-goal-group" aria-labelledby="reading-other">
        <h3 id="reading-other">{t('book.reading.otherBook')}</h3>
        {others.map((note) => (
          <Card key={note.id} p={p} item={note} headingLevel={4} />
        ))}
        <AddItem
          p={p}
          kind="reading_note"
          about={t('book.reading.otherBook')}
          open={form.is('other')}
          onOpen={() => form.open('other')}
          onClose={form.close}
        />
      </section>
    </Section>
  );
}

export function DownloadSection(p: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useAction();
  const [confirm, setConfirm] = useState<'own' | 'all_shared' | null>(null);
  const [done, setDone] = useState<number | null>(null);
  async function clear(scope: 'own' | 'all_shared') {
    await action.run(async () => {
      const result = await bookApi.clear(p.pair.id, scope);
      setDone(result.deleted);
    });
    setConfirm(null);
    p.changed();
  }
  const exportPath = `${bookPath(p.pair.id)}/export`;
  return (
    <Section id="book-download" title={t('book.sections.download')} intro={t('book.intros.download')}>
      <div role="status">
        {done !== null && <p className="notice notice-success">{t('book.clear.done', { count: done })}</p>}
      </div>
      {action.problem && <ProblemMessage problem={action.problem} />}
      <h3>{t('book.download.title')}</h3>
      <p>{t('book.download.text')}</p>
      <ul className="plain-list">
        <li>
          <a href={`${exportPath}?format=html`} download>
            {t('book.download.html')}
          </a>
        </li>
        <li>
          <a href={`${exportPath}?format=json`} download>
            {t('book.download.json')}
          </a>
        </li>
      </ul>
      <h3>{t('book.clear.title')}</h3>
      {p.book.clearedAt ? (
        <p>{t('book.clear.cleared', { date: formatDate(p.book.clearedAt, locale) })}</p>
      ) : (
        <>
          <p>{t('book.clear.ownText')}</p>
          <p>
            <button type="button" className="button button-danger" onClick={() => setConfirm('own')}>
              {t('book.clear.own')}
            </button>
          </p>
          {p.book.pairClosed && (
            <>
              <p>{t('book.clear.sharedText', { other: p.otherName })}</p>
              <p>
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => setConfirm('all_shared')}
                >
                  {t('book.clear.shared')}
                </button>
              </p>
            </>
          )}
          <p className="hint">
            {p.book.clearsOn
              ? t('book.clear.retention', { date: formatDate(p.book.clearsOn, locale) })
              : t('book.clear.retentionOpen')}
          </p>
        </>
      )}
      <ConfirmDialog
        open={confirm === 'own'}
        title={t('book.clear.ownConfirmTitle')}
        confirmLabel={t('book.clear.ownConfirm')}
        danger
        pending={action.pending}
        onConfirm={() => void clear('own')}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('book.clear.ownConfirmBody', { other: p.otherName })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'all_shared'}
        title={t('book.clear.sharedConfirmTitle')}
        confirmLabel={t('book.clear.sharedConfirm')}
        danger
        pending={action.pending}
        onConfirm={() => void clear('all_shared')}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('book.clear.sharedConfirmBody', { other: p.otherName })}</p>
      </ConfirmDialog>
    </Section>
  );
}
