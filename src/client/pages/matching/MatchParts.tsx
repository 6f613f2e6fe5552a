import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionPoints, HardConstraintCode, MatchPerson } from '../../../shared/matching.ts';
import { formatNumber } from '../../format.ts';
import { useLocale } from '../../hooks.ts';

/** Pieces every view of the matching board shares: people, scores, reasons, constraints. */

/** "78,9" in Swedish, "78.9" in English. */
export function useScore(): (value: number) => string {
  const locale = useLocale();
  return (value) => formatNumber(value, locale);
}

/** Hard constraints in words, joined: "samma organisation, anmält jäv". */
export function useConstraintText(): (codes: readonly HardConstraintCode[]) => string {
  const { t } = useTranslation();
  return (codes) => codes.map((code) => t(`matching.constraints.${code}`)).join(', ');
}

/** A person as the board shows them: name, then title and organisation on a line of their own. */
export function PersonCell({ person }: { person: MatchPerson }) {
  return (
    <>
      <span className="match-name">{person.name}</span>
      <span className="match-meta">
        {[person.title, person.organisation.name].filter((part) => part).join(', ')}
      </span>
    </>
  );
}

/** The distance in words: "24 km", or "okänt" when an organisation has no location. */
export function Distance({ km }: { km: number | null }) {
  const { t } = useTranslation();
  const score = useScore();
  return (
    <>
      {km === null
        ? t('matching.proposals.unknownDistance')
        : t('matching.proposals.km', { km: score(Math.round(km)) })}
    </>
  );
}

/**
 * Why a pair scores what it does, behind a disclosure: the explanation sentences, then the points
 * criterion by criterion in a small table.
 */
export function Why({
  label,
  explanation,
  breakdown,
  score,
}: {
  /** The disclosure's text, naming the pair for screen reader users who list the page's controls. */
  label: string;
  explanation: readonly string[];
  breakdown: readonly CriterionPoints[];
  score: number;
}) {
  const { t } = useTranslation();
  const format = useScore();
  const captionId = useId();
  return (
    <details className="why">
      <summary>{label}</summary>
      <div className="why-body">
        {explanation.length > 0 && (
          <ul className="why-reasons">
            {explanation.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        )}
        <table className="why-table" aria-labelledby={captionId}>
          <caption id={captionId} className="visually-hidden">
            {label}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('matching.proposals.criterion')}</th>
              <th scope="col" className="numeric">
                {t('matching.proposals.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown
              .filter((c) => c.maxPoints > 0)
              .map((c) => (
                <tr key={c.criterion}>
                  <th scope="row">{t(`matching.criteria.${c.criterion}`)}</th>
                  <td className="numeric">
                    {t('matching.proposals.pointsOf', { points: format(c.points), max: format(c.maxPoints) })}
                  </td>
                </tr>
              ))}
            <tr className="why-total">
              <th scope="row">{t('matching.proposals.total')}</th>
              <td className="numeric">
                {t('matching.proposals.pointsOf', { points: format(score), max: format(100) })}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </details>
  );
}
