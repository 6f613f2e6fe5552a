import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BookLimits } from '../../../../shared/mentor-book.ts';
import { ScrollableTable } from '../../../components/ScrollableTable.tsx';
import { formatDate } from '../../../format.ts';
import { useLocale } from '../../../hooks.ts';

export interface Rating {
  id: string;
  rating: number;
  ratedOn: string;
  note: string;
  by: string;
}

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 40, right: 20, top: 16, bottom: 40 };
const DAY = 86_400_000;

/**
 * A goal's ratings over time as a line drawn in inline SVG (no library, nothing the CSP blocks),
 * and the same numbers in a table beside it: the table is the chart's text equivalent (WCAG 1.1.1),
 * so the SVG itself is one image with a name, and its points are not read out twice.
 */
export function ProgressChart({ goalTitle, ratings }: { goalTitle: string; ratings: Rating[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const sorted = [...ratings].sort((a, b) => a.ratedOn.localeCompare(b.ratedOn) || a.id.localeCompare(b.id));
  if (sorted.length === 0) return <p className="empty-state">{t('book.empty.progress')}</p>;
  const times = sorted.map((r) => Date.parse(r.ratedOn));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, DAY);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (time: number) => PAD.left + (sorted.length === 1 ? plotW / 2 : ((time - first) / span) * plotW);
  const y = (rating: number) =>
    PAD.top +
    plotH -
    ((rating - BookLimits.ratingMin) / (BookLimits.ratingMax - BookLimits.ratingMin)) * plotH;
  const points = sorted.map((r) => ({ r, px: x(Date.parse(r.ratedOn)), py: y(r.rating) }));
  const ticks = [1, 4, 7, 10];
  const dateLabels = sorted.length === 1 ? [points[0]!] : [points[0]!, points[points.length - 1]!];
  const chartTitle = t('book.progress.chartTitle', { goal: goalTitle });
  return (
    <div className="book-progress">
      <figure className="book-chart">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={titleId}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={titleId}>{`${chartTitle}. ${t('book.progress.chartNote')}`}</title>
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(tick)}
                y2={y(tick)}
                className="book-chart-grid"
              />
              <text x={PAD.left - 8} y={y(tick) + 5} textAnchor="end" className="book-chart-label">
                {tick}
              </text>
            </g>
          ))}
          <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} className="book-chart-axis" />
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={PAD.top + plotH}
            y2={PAD.top + plotH}
            className="book-chart-axis"
          />
          {points.length > 1 && (
            <polyline
              points={points.map((p) => `${p.px},${p.py}`).join(' ')}
              className="book-chart-line"
              fill="none"
            />
          )}
          {points.map((p) => (
            <circle key={p.r.id} cx={p.px} cy={p.py} r={6} className="book-chart-point" />
          ))}
          {dateLabels.map((p, index) => (
            <text
              key={p.r.id}
              x={p.px}
              y={HEIGHT - 12}
              textAnchor={dateLabels.length === 1 ? 'middle' : index === 0 ? 'start' : 'end'}
              className="book-chart-label"
            >
              {formatDate(p.r.ratedOn, locale)}
            </text>
          ))}
        </svg>
        <figcaption className="hint">{t('book.progress.chartNote')}</figcaption>
      </figure>
      <ScrollableTable caption={t('book.progress.tableCaption', { goal: goalTitle })}>
        <thead>
          <tr>
            <th scope="col">{t('book.progress.date')}</th>
            <th scope="col" className="numeric">
              {t('book.progress.rating')}
            </th>
            <th scope="col">{t('book.progress.by')}</th>
            <th scope="col">{t('book.progress.note')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{formatDate(r.ratedOn, locale)}</td>
              <td className="numeric">{r.rating}</td>
              <td>{r.by}</td>
              <td className="pre-line">{r.note}</td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
    </div>
  );
}
