import { useTranslation } from 'react-i18next';
import { type PairLifecycle, pairLifecycleSchema } from '../../../shared/pair-lifecycle.ts';
import type { PairSummary } from '../../../shared/pair-year.ts';
import { Loaded } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { CoordinatorPanel } from './lifecycle/CoordinatorPanel.tsx';
import { History } from './lifecycle/History.tsx';
import { PartyActions } from './lifecycle/PartyActions.tsx';
import type { PairTabProps } from './PairPage.tsx';

/**
 * The pair's status and what the viewer can do about it: for the two, what waits for them (saying
 * yes, signing, asking for an extension or another mentor, the closing conversation, an advisor);
 * for those who run the programme, the requests to decide and ending the pair, always with a reason;
 * for everyone who may see the pair, its history (who, when and, for those who run it, why).
 */
export function PairStatusPanel({ pair, reload }: PairTabProps) {
  const state = useApiData(`/api/pairs/${pair.id}/lifecycle`, pairLifecycleSchema);
  const changed = () => {
    state.reload();
    reload();
  };
  return (
    <Loaded state={state}>
      {(lifecycle) => (
        <>
          <StatusSection pair={pair} lifecycle={lifecycle} />
          {(pair.viewerRole === 'adept' || pair.viewerRole === 'mentor') && (
            <PartyActions pair={pair} lifecycle={lifecycle} onChange={changed} />
          )}
          {lifecycle.can.manage && <CoordinatorPanel pair={pair} lifecycle={lifecycle} onChange={changed} />}
          {lifecycle.events.length > 0 && <History lifecycle={lifecycle} />}
        </>
      )}
    </Loaded>
  );
}

function StatusSection({ pair, lifecycle }: { pair: PairSummary; lifecycle: PairLifecycle }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contract = lifecycle.contract.required;
  const confidentiality = lifecycle.confidentiality.required;
  const documents =
    contract && confidentiality
      ? t('pair.lifecycle.documentsBoth')
      : contract
        ? t('pair.lifecycle.documentsContract')
        : confidentiality
          ? t('pair.lifecycle.documentsConfidentiality')
          : '';
  const beforeActive = lifecycle.status === 'introduced' || lifecycle.status === 'first_meeting_held';
  const bothSigned = (signatures: PairLifecycle['contract']['signatures']) =>
    (['adept', 'mentor'] as const).every((role) => signatures.some((s) => s.role === role && s.current));
  const checks: { key: string; label: string; done: boolean; detail: string[] }[] = [
    {
      key: 'firstMeeting',
      label: t('pair.lifecycle.checks.firstMeeting'),
      done: lifecycle.status !== 'introduced',
      detail: [],
    },
    {
      key: 'acceptance',
      label: t('pair.lifecycle.checks.acceptance'),
      done: lifecycle.acceptances.length >= 2,
      detail: lifecycle.acceptances.map((a) =>
        t('pair.lifecycle.signedBy', {
          name: a.name,
          role: t(`pair.lifecycle.roles.${a.role}`),
          date: formatDate(a.at, locale),
        }),
      ),
    },
    ...(['contract', 'confidentiality'] as const)
      .filter((kind) => lifecycle[kind].required)
      .map((kind) => ({
        key: kind,
        label: t(`pair.lifecycle.checks.${kind}`),
        done: bothSigned(lifecycle[kind].signatures),
        detail: lifecycle[kind].signatures
          .filter((s) => s.current)
          .map((s) =>
            t('pair.lifecycle.signedBy', {
              name: s.name,
              role: t(`pair.lifecycle.roles.${s.role}`),
              date: formatDate(s.signedAt, locale),
            }),
          ),
      })),
  ];
  return (
    <section aria-labelledby="pair-lifecycle-title" className="pair-lifecycle">
      <h2 id="pair-lifecycle-title">{t('pair.lifecycle.title')}</h2>
      <p>{t(`pair.lifecycle.statusText.${lifecycle.status}`, { documents })}</p>
      {lifecycle.status === 'closed' && (pair.viewerRole === 'adept' || pair.viewerRole === 'mentor') && (
        <p className="notice">{t('pair.lifecycle.closing.bookKept')}</p>
      )}
      {beforeActive && (
        <>
          <h3>{t('pair.lifecycle.startChecklist')}</h3>
          <ul className="check-list">
            {checks.map((check) => (
              <li key={check.key} className={check.done ? 'check-met' : 'check-unmet'}>
                <span className="check-mark" aria-hidden="true">
                  {check.done ? '✓' : '○'}
                </span>
                <span>
                  <span className="visually-hidden">
                    {check.done ? t('pair.lifecycle.done') : t('pair.lifecycle.notDone')}:{' '}
                  </span>
                  {check.label}
                  {check.detail.length > 0 && <span className="hint"> – {check.detail.join('; ')}</span>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
