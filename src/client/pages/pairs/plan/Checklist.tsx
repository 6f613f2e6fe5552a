import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Problem } from '../../../../shared/api.ts';
import type { PairPlan, PlanMilestone } from '../../../../shared/pair-plan.ts';
import { api } from '../../../api.ts';
import { ProblemMessage } from '../../../components/ProblemMessage.tsx';
import { formatDate, localized } from '../../../format.ts';
import { useAction, useApiData, useLocale } from '../../../hooks.ts';
import { pairPlanSchema, planPath } from './planApi.ts';

const badgeClass: Record<PlanMilestone['status'], string> = {
  open: 'badge badge-muted',
  due_soon: 'badge badge-pending_review',
  overdue: 'badge badge-failed',
  done: 'badge badge-ok',
};

/**
 * The pair's process plan as a checklist: each step with its deadline, who is responsible and its
 * status; the parties tick steps off (or undo that). Everyone who may see the pair sees the status,
 * never content. The cadence flag shows above it.
 */
export function PlanChecklist({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plan = useApiData(planPath(pairId), pairPlanSchema);
  const action = useAction();
  const [message, setMessage] = useState('');
  if (!plan.data) return null;
  const data = plan.data;

  async function toggle(milestone: PlanMilestone, done: boolean) {
    const title = localized(milestone.title, locale);
    const path = `${planPath(pairId)}/${milestone.key}/done`;
    const ok = await action.run(async () => {
      if (done) plan.setData(await api.post(path, {}, pairPlanSchema));
      else {
        await api.delete(path);
        plan.reload();
      }
    });
    if (ok) setMessage(t(done ? 'plan.checklist.marked' : 'plan.checklist.undone', { title }));
  }

  return (
    <section aria-labelledby="plan-title" className="plan-checklist">
      <h2 id="plan-title">{t('plan.checklist.title')}</h2>
      <CadenceNotice plan={data} />
      <p>
        {t(data.isParty ? 'plan.checklist.intro' : 'plan.checklist.introOthers', {
          date: formatDate(data.startsOn, locale),
        })}
      </p>
      {data.milestones.length === 0 ? (
        <p className="empty-state">{t('plan.checklist.empty')}</p>
      ) : (
        <>
          <p className="lead">
            {t('plan.checklist.summary', { done: data.counts.done, total: data.counts.total })}
            {data.counts.overdue > 0 && (
              <> · {t('plan.checklist.summaryOverdue', { count: data.counts.overdue })}</>
            )}
          </p>
          {action.problem && <ProblemMessage problem={firstError(action.problem)} />}
          <p className="visually-hidden" role="status" aria-live="polite">
            {message}
          </p>
          <ol className="plain-list plan-list">
            {data.milestones.map((m) => (
              <MilestoneItem key={m.key} milestone={m} pending={action.pending} onToggle={toggle} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function MilestoneItem({
  milestone: m,
  pending,
  onToggle,
}: {
  milestone: PlanMilestone;
  pending: boolean;
  onToggle(m: PlanMilestone, done: boolean): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = localized(m.title, locale);
  const due =
    m.anchor.kind === 'meeting'
      ? t('plan.checklist.atMeeting', { number: m.anchor.number })
      : m.dueDate
        ? `${t('plan.checklist.due')} ${formatDate(m.dueDate, locale)}`
        : null;
  const who = m.roles.map((role) => t(`plan.checklist.roles.${role}`)).join(', ');
  return (
    <li className={`card plan-item plan-item-${m.status}`}>
      <p className="plan-item-title">
        <strong>{title}</strong>{' '}
        <span className={badgeClass[m.status]}>{t(`plan.checklist.statuses.${m.status}`)}</span>
      </p>
      <p className="plan-item-meta">
        {due && <>{due} · </>}
        {t('plan.checklist.who')}: {who}
      </p>
      {m.done ? (
        <p className="plan-item-done">
          {m.done.automatic
            ? t('plan.checklist.automatic', { date: formatDate(m.done.at, locale) })
            : m.done.byName
              ? t('plan.checklist.doneBy', { date: formatDate(m.done.at, locale), name: m.done.byName })
              : t('plan.checklist.doneOn', { date: formatDate(m.done.at, locale) })}
        </p>
      ) : (
        m.completesOn && <p className="hint">{t(`plan.checklist.completesOn.${m.completesOn}`)}</p>
      )}
      {m.canMark && (
        <button
          type="button"
          className="button button-small"
          disabled={pending}
          aria-label={t('plan.checklist.markLabel', { title })}
          onClick={() => onToggle(m, true)}
        >
          {t('plan.checklist.mark')}
        </button>
      )}
      {m.canUndo && (
        <button
          type="button"
          className="button button-small"
          disabled={pending}
          aria-label={t('plan.checklist.undoLabel', { title })}
          onClick={() => onToggle(m, false)}
        >
          {t('plan.checklist.undo')}
        </button>
      )}
    </li>
  );
}

/** No held meeting for longer than the programme's longest interval: said to the pair, and to those who follow it. */
export function CadenceNotice({ plan }: { plan: PairPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { cadence } = plan;
  if (cadence.flagged) {
    return (
      <div className="notice notice-error">
        <p>
          {t(plan.isParty ? 'plan.cadence.flagged' : 'plan.cadence.flaggedOthers', {
            days: cadence.daysSinceLastMeeting,
            weeks: cadence.maxWeeks,
          })}{' '}
          {plan.isParty && <Link to={`/pairs/${plan.pairId}/meetings`}>{t('plan.cadence.book')}</Link>}
        </p>
      </div>
    );
  }
  return (
    <p className="hint">
      {cadence.lastMeetingOn
        ? t('plan.cadence.ok', {
            date: formatDate(cadence.lastMeetingOn, locale),
            days: cadence.daysSinceLastMeeting,
          })
        : t('plan.cadence.none')}
    </p>
  );
}

/** A refused tick or check-in says why in its field error: show that sentence. */
export function firstError(problem: Problem): Problem {
  const message = problem.errors?.[0]?.message;
  return message ? { ...problem, errors: undefined, detail: message } : problem;
}
