import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import { GoalsSummary } from './book/GoalsSummary.tsx';
import { SharedWithCoordinator } from './book/SharedWithCoordinator.tsx';
import { NextMeeting } from './NextMeeting.tsx';
import type { PairTabProps } from './PairPage.tsx';
import { PairStatusPanel } from './PairStatusPanel.tsx';
import { CheckinSection } from './plan/Checkin.tsx';
import { PlanChecklist } from './plan/Checklist.tsx';

/**
 * The pair's page, first section, for everyone who may see the pair: status and dates, what can be
 * done about the status, the next meeting, the process plan with the cadence flag, the check-in and,
 * for the two parties only, their goals. Those who follow the pair see metadata, never content.
 */
export function PairOverview(props: PairTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { pair } = props;
  // The sections load on their own; a change in one reloads those it affects.
  const [statusVersion, setStatusVersion] = useState(0);
  const [planVersion, setPlanVersion] = useState(0);
  const party = pair.viewerRole === 'adept' || pair.viewerRole === 'mentor';
  const dates: [string, string | null][] = [
    [t('plan.overview.startsOn'), pair.planStartsOn],
    [t('plan.overview.activeSince'), pair.activeSince],
    [t('plan.overview.plannedEndOn'), pair.plannedEndOn],
    [t('plan.overview.closedAt'), pair.closedAt],
  ];
  return (
    <div className="pair-overview">
      <section aria-labelledby="pair-dates-title">
        <h2 id="pair-dates-title" className="visually-hidden">
          {t('plan.overview.datesTitle')}
        </h2>
        <dl className="summary-list">
          <div className="summary-row">
            <dt>{t('plan.overview.status')}</dt>
            <dd>{t(`matching.pairs.statuses.${pair.status}`)}</dd>
          </div>
          {dates
            .filter(([, value]) => value !== null)
            .map(([label, value]) => (
              <div key={label} className="summary-row">
                <dt>{label}</dt>
                <dd>{formatDate(value!, locale)}</dd>
              </div>
            ))}
        </dl>
      </section>
      <PairStatusPanel
        pair={pair}
        reload={() => {
          // A decision or a signature changes the plan and the check-in too.
          setStatusVersion((v) => v + 1);
          props.reload();
        }}
      />
      <NextMeeting pairId={pair.id} />
      <CheckinSection
        key={`checkin-${statusVersion}`}
        pairId={pair.id}
        isParty={party}
        onAnswered={() => setPlanVersion((v) => v + 1)}
      />
      <PlanChecklist key={`plan-${statusVersion}-${planVersion}`} pairId={pair.id} />
      {party && pair.features.mentorBook && <GoalsSummary pairId={pair.id} />}
      {pair.viewerRole === 'coordinator' && pair.features.mentorBook && (
        <SharedWithCoordinator pairId={pair.id} />
      )}
    </div>
  );
}
