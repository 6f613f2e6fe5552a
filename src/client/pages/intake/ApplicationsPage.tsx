import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationListSchema } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { StatusBadge } from './ApplicationParts.tsx';

/** The signed-in person's own applications. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const applications = useApiData('/api/me/applications', applicationListSchema);
  return (
    <Page title={t('intake.mine.title')}>
      <p>{t('intake.mine.intro')}</p>
      <Loaded state={applications}>
        {(list) =>
          list.length === 0 ? (
            <p>
              {t('intake.mine.empty')} <Link to="/programmes">{t('intake.mine.findProgramme')}</Link>
            </p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('intake.mine.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('intake.fields.programme')}</th>
                    <th scope="col">{t('intake.fields.role')}</th>
                    <th scope="col">{t('intake.fields.status')}</th>
                    <th scope="col">{t('intake.fields.submitted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((application) => (
                    <tr key={application.id}>
                      <th scope="row">
                        <Link to={`/applications/${application.id}`}>{application.programmeName}</Link>
                      </th>
                      <td>{t(`common.roles.${application.role}`)}</td>
                      <td>
                        <StatusBadge status={application.status} />
                      </td>
                      <td className="nowrap">{formatDate(application.submittedAt, locale)}</td>
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
