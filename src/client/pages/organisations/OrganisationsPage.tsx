import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { organisationListSchema } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { useApiData } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const organisations = useApiData(`/api/networks/${viewer.networkId}/organisations`, organisationListSchema);
  return (
    <Page
      title={t('organisations.title')}
      actions={
        viewer.isAdmin && (
          <Link to="/organisations/new" className="button button-primary">
            {t('organisations.new')}
          </Link>
        )
      }
    >
      <Loaded state={organisations}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('organisations.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('organisations.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('organisations.name')}</th>
                    <th scope="col">{t('organisations.kind')}</th>
                    <th scope="col">{t('organisations.orgNumber')}</th>
                    <th scope="col" className="numeric">
                      {t('organisations.peopleCount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((organisation) => (
                    <tr key={organisation.id}>
                      <th scope="row">
                        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
                      </th>
                      <td>{t(`organisations.kinds.${organisation.kind}`)}</td>
                      <td>{organisation.orgNumber ?? '–'}</td>
                      <td className="numeric">{organisation.peopleCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </Page>
  );
}
