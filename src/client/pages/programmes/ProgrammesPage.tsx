import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { programmeListSchema } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const programmes = useApiData(`/api/networks/${viewer.networkId}/programmes`, programmeListSchema);
  const mayManage = viewer.isAdmin || viewer.isCoordinator;
  return (
    <Page
      title={t('programmes.title')}
      actions={
        viewer.isAdmin && (
          <Link to="/programmes/new" className="button button-primary">
            {t('programmes.new')}
          </Link>
        )
      }
    >
      <Loaded state={programmes}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('programmes.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('programmes.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('programmes.name')}</th>
                    <th scope="col">{t('programmes.template')}</th>
                    <th scope="col">{t('programmes.status')}</th>
                    <th scope="col">{t('programmes.updatedAt')}</th>
                    {mayManage && <th scope="col">{t('intake.coordinator.column')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.map((programme) => (
                    <tr key={programme.id}>
                      <th scope="row">
                        <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
                      </th>
                      <td>{t(`programmes.templates.${programme.templateKey}`)}</td>
                      <td>
                        <span className={`badge badge-${programme.status}`}>
                          {t(`programmes.statuses.${programme.status}`)}
                        </span>
                      </td>
                      <td>{formatDate(programme.updatedAt, locale)}</td>
                      {mayManage && (
                        <td>
                          <Link to={`/programmes/${programme.id}/intake`}>
                            {t('intake.coordinator.link')}
                            <span className="visually-hidden"> – {programme.name}</span>
                          </Link>
                        </td>
                      )}
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
