import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../hooks.ts';

interface NameListProps {
  /** The first few people, each a link to what is about them. */
  people: { key: string; name: string; to: string }[];
  /** How many there are in all; those not named are counted ("and 2 more"). */
  total: number;
}

/**
 * Names joined as the language joins them, each a link: "Dick Karlsson, Sara Nord och 2 till",
 * "Dick Karlsson, Sara Nord and 2 more".
 */
export function NameList({ people, total }: NameListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rest = total - people.length;
  const items = [...people.map((p) => p.name), ...(rest > 0 ? [t('site.andMore', { count: rest })] : [])];
  const parts = new Intl.ListFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    style: 'long',
    type: 'conjunction',
  }).formatToParts(items);
  // Each literal (", ", " och ") is keyed by the name before it, so keys follow the names.
  const nodes: ReactNode[] = [];
  let index = 0;
  let previous = 'start';
  for (const part of parts) {
    if (part.type === 'literal') {
      nodes.push(<Fragment key={`after-${previous}`}>{part.value}</Fragment>);
      continue;
    }
    const person = people[index++];
    previous = person?.key ?? 'rest';
    nodes.push(
      person ? (
        <Link key={person.key} to={person.to}>
          {person.name}
        </Link>
      ) : (
        <Fragment key="rest">{part.value}</Fragment>
      ),
    );
  }
  return <>{nodes}</>;
}
