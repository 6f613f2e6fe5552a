import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { privacyNoticeSchema, profileSchema } from '../../../shared/intake.ts';
import { programmeSchema } from '../../../shared/programme.ts';
import { participantRoleSchema } from '../../../shared/roles.ts';
import { roundListSchema } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { useApiData } from '../../hooks.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { ApplyForm } from './ApplyForm.tsx';

export function ApplyPage() {
  const { t } = useTranslation();
  const { id = '', role: roleParam } = useParams();
  const role = participantRoleSchema.safeParse(roleParam);
  if (!role.success) return <NotFoundPage />;
  return <ApplyAs programmeId={id} role={role.data} title={t(`intake.apply.title.${role.data}`)} />;
}

function ApplyAs({
  programmeId,
  role,
  title,
}: {
  programmeId: string;
  role: 'adept' | 'mentor';
  title: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const programme = useApiData(`/api/programmes/${programmeId}`, programmeSchema);
  const notice = useApiData(`/api/programmes/${programmeId}/privacy-notice`, privacyNoticeSchema);
  const rounds = useApiData(`/api/programmes/${programmeId}/rounds`, roundListSchema);
  const profile = useApiData('/api/me/profile', profileSchema);
  // A missing profile only means there is nothing to start from.
  const profileReady = profile.data !== undefined || profile.error !== undefined;
  return (
    <Page title={programme.data ? `${title}: ${programme.data.name}` : title}>
      <p>
        <Link to={`/programmes/${programmeId}`}>{t('intake.apply.backToProgramme')}</Link>
      </p>
      <Loaded state={programme}>
        {(p) => (
          <>
            {p.description && <p className="lead">{p.description}</p>}
            <p>{t('intake.apply.intro')}</p>
            {p.status !== 'open' && (
              <p className="notice">
                {t('intake.apply.notOpen', { status: t(`programmes.statuses.${p.status}`) })}
              </p>
            )}
            <Loaded state={notice}>
              {(n) => (
                <Loaded state={rounds}>
                  {(r) =>
                    profileReady ? (
                      <ApplyForm
                        programme={p}
                        role={role}
                        notice={n}
                        rounds={r}
                        profile={profile.data ?? null}
                        onDone={(application) =>
                          navigate(`/applications/${application.id}`, { state: { submitted: true } })
                        }
                      />
                    ) : (
                      <p className="loading" role="status">
                        {t('common.loading')}
                      </p>
                    )
                  }
                </Loaded>
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </Page>
  );
}
