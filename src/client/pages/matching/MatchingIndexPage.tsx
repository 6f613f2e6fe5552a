import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { programmeListSchema } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { useApiData } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';

/** Where administrators and coordinators choose the programme to match in. */
export function MatchingIndexPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const programmes = useApiData(`/api/networks/${viewer.networkId}/programmes`, programmeListSchema);
  return (
    <Page title={t('matching.index.title')}>
      <p>{t('matching.index.intro')}</p>
      <Loaded state={programmes}>
        {(list) => {
          const open = list.filter((p) => p.status === 'open');
          return open.length === 0 ? (
            <p>{t('matching.index.none')}</p>
          ) : (
            <ul className="card-list">
              {open.map((programme) => (
                <li key={programme.id} className="card">
                  <h2 className="card-title">
                    <Link to={`/matching/${programme.id}`}>{programme.name}</Link>
                  </h2>
                  <p>
                    {programme.settings.intake.mode === 'cohort'
                      ? t('matching.index.cohort')
                      : t('matching.index.oneAtATime')}
                  </p>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </Page>
  );
}
