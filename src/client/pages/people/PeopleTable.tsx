import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation, Person } from '../../../shared/api.ts';

/** Names of the organisations where the person holds a role, in the order of `organisations`. */
export function personOrganisations(
  person: Person,
  organisations: readonly Pick<Organisation, 'id' | 'name'>[],
) {
  const ids = new Set(person.roles.map((r) => r.organisationId));
  return organisations.filter((o) => ids.has(o.id)).map((o) => o.name);
}

interface PeopleTableProps {
  people: Person[];
  organisations: readonly Pick<Organisation, 'id' | 'name'>[];
  caption: string;
}

export function PeopleTable({ people, organisations, caption }: PeopleTableProps) {
  const { t } = useTranslation();
  if (people.length === 0) return <p>{t('people.empty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.email')}</th>
            <th scope="col">{t('people.organisations')}</th>
            <th scope="col">{t('people.roles')}</th>
            <th scope="col">{t('people.status')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <Link to={`/people/${person.id}`}>{person.name}</Link>
              </th>
              <td>{person.email}</td>
              <td>{personOrganisations(person, organisations).join(', ') || '–'}</td>
              <td>{[...new Set(person.roles.map((r) => t(`common.roles.${r.role}`)))].join(', ') || '–'}</td>
              <td>
                <span className={person.disabled ? 'badge badge-muted' : 'badge badge-ok'}>
                  {person.disabled ? t('people.disabled') : t('people.active')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
