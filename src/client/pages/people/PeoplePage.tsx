import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type Role, roleSchema, roles } from '../../../shared/roles.ts';
import { organisationListSchema, personListSchema, withQuery } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { useApiData } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { PeopleTable } from './PeopleTable.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const organisationId = params.get('organisationId') ?? '';
  const roleParam = roleSchema.safeParse(params.get('role'));
  const role: Role | '' = roleParam.success ? roleParam.data : '';
  const base = `/api/networks/${viewer.networkId}`;
  const organisations = useApiData(`${base}/organisations`, organisationListSchema);
  const people = useApiData(withQuery(`${base}/people`, { organisationId, role }), personListSchema);

  function setFilter(name: 'organisationId' | 'role', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <Page
      title={t('people.title')}
      actions={
        (viewer.isAdmin || viewer.isCoordinator) && (
          <>
            <Link to="/people/import" className="button">
              {t('people.import.action')}
            </Link>
            <Link to="/people/invite" className="button button-primary">
              {t('people.invite.action')}
            </Link>
          </>
        )
      }
    >
      <search className="filters" aria-label={t('people.filters')}>
        <div className="field">
          <label htmlFor="filter-organisation">{t('people.filterOrganisation')}</label>
          <select
            id="filter-organisation"
            value={organisationId}
            onChange={(e) => setFilter('organisationId', e.target.value)}
          >
            <option value="">{t('people.allOrganisations')}</option>
            {organisations.data?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-role">{t('people.filterRole')}</label>
          <select id="filter-role" value={role} onChange={(e) => setFilter('role', e.target.value)}>
            <option value="">{t('people.allRoles')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`common.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </search>
      <Loaded state={people}>
        {(list) => (
          <>
            <p role="status" className="result-count">
              {t('people.count', { count: list.length })}
            </p>
            <PeopleTable people={list} organisations={organisations.data ?? []} caption={t('people.title')} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
