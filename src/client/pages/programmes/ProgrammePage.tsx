import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApplicationWindow, applicationWindow } from '../../../shared/applicationPeriod.ts';
import { todayInSweden } from '../../../shared/calendar.ts';
import type { Application } from '../../../shared/intake.ts';
import { pairingIn } from '../../../shared/matching.ts';
import { type Programme, programmeSchema } from '../../../shared/programme.ts';
import { applicationListSchema, roundListSchema } from '../../api.ts';
import { Loaded, Loading, Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { useApiData, useLocale } from '../../hooks.ts';
import { useViewer, type Viewer } from '../../session.tsx';
import { StatusBadge } from '../intake/ApplicationParts.tsx';
import { myPairListSchema } from '../matching/matchingApi.ts';
import { AdvisorsSection } from '../pairs/lifecycle/AdvisorsSection.tsx';
import { ProgrammePresentation } from './ProgrammePresentation.tsx';

/** Applications that are still under way or accepted; after these one does not apply again. */
const activeStatuses: readonly Application['status'][] = [
  'awaiting_approval',
  'pending_review',
  'completion_requested',
  'approved',
];

/**
 * The programme as its participants read it: what it is, for whom, how long, what it costs, when
 * and how to apply. Administrators reach the editor from here; coordinators their intake work.
 */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const programme = useApiData(`/api/programmes/${id}`, programmeSchema);
  const rounds = useApiData(`/api/programmes/${id}/rounds`, roundListSchema);
  const staff = viewer.isAdmin || viewer.isCoordinator;
  return (
    <Page
      title={programme.data?.name ?? t('programmes.detailTitle')}
      actions={
        viewer.isAdmin && (
          <Link to={`/programmes/${id}/edit`} className="button button-primary">
            {t('programmes.view.edit')}
          </Link>
        )
      }
    >
      <p>
        <Link to="/programmes">{t('programmes.backToList')}</Link>
      </p>
      <Loaded state={programme}>
        {(data) => (
          <Loaded state={rounds}>
            {(list) => {
              const period = applicationWindow(data.status, list, todayInSweden());
              return (
                <>
                  {staff && <StaffLinks programme={data} viewer={viewer} />}
                  {viewer.isAdmin && <AdvisorsSection programme={data} />}
                  <ProgrammePresentation
                    programme={data}
                    rounds={list}
                    period={period}
                    manager={viewer.hasRole('manager')}
                    applyPanel={<ApplyPanel programme={data} period={period} viewer={viewer} />}
                  />
                </>
              );
            }}
          </Loaded>
        )}
      </Loaded>
    </Page>
  );
}

/** The work administrators and coordinators do with the programme. */
function StaffLinks({ programme, viewer }: { programme: Programme; viewer: Viewer }) {
  const { t } = useTranslation();
  return (
    <nav className="card staff-links" aria-labelledby="staff-links-heading">
      <h2 id="staff-links-heading">{t('programmes.view.staff.title')}</h2>
      <ul>
        <li>
          <Link to={`/programmes/${programme.id}/intake`}>{t('programmes.view.staff.intake')}</Link>
        </li>
        <li>
          <Link to={`/pool?programmeId=${programme.id}`}>{t('programmes.view.staff.pool')}</Link>
        </li>
        {viewer.isAdmin && (
          <li>
            <Link to={`/programmes/${programme.id}/edit?section=rounds`}>
              {t('programmes.view.staff.rounds')}
            </Link>
          </li>
        )}
      </ul>
      {programme.status !== 'open' && (
        <p className="hint staff-note">{t(`programmes.view.staff.statusNote.${programme.status}`)}</p>
      )}
    </nav>
  );
}

/**
 * Applying: the application the viewer already has, or when one can apply and the way in, or
 * when applying opens.
 */
function ApplyPanel({
  programme,
  period,
  viewer,
}: {
  programme: Programme;
  period: ApplicationWindow;
  viewer: Viewer;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const applications = useApiData('/api/me/applications', applicationListSchema);
  const pairs = useApiData('/api/me/pairs', myPairListSchema);
  const myPairs = (pairs.data ?? []).map((p) => ({
    programmeId: p.programme.id,
    role: p.role,
    status: p.status,
  }));
  const date = (value: string) => formatDate(value, locale);
  // Once admitted, the pairs tell what comes next: a mentorship under way, ended, or matching again.
  const nextFor = (application: { programmeId: string; role: 'adept' | 'mentor'; status: string }) => {
    const pairing = pairingIn(myPairs, application.programmeId, application.role);
    return application.status === 'approved' && pairing !== 'none'
      ? t(`home.own.pairing.${pairing}.${application.role}`)
      : t(`programmes.view.apply.next.${application.status}`);
  };
  const roles = (['adept', 'mentor'] as const).filter((role) => viewer.hasRole(role));
  const applyAs = roles.length > 0 ? roles : (['adept', 'mentor'] as const);

  let body: ReactNode;
  if (applications.data === undefined && !applications.error) {
    body = <Loading />;
  } else {
    const mine = (applications.data ?? []).filter(
      (application) =>
        application.programmeId === programme.id && activeStatuses.includes(application.status),
    );
    if (mine.length > 0) {
      body = (
        <ul className="plain-list">
          {mine.map((application) => (
            <li key={application.id}>
              <p>
                {t('programmes.view.apply.yours', {
                  role: t(`programmes.view.apply.asRole.${application.role}`),
                  date: date(application.submittedAt),
                })}{' '}
                <StatusBadge status={application.status} />
              </p>
              <p>{nextFor(application)}</p>
              <p>
                <Link to={`/applications/${application.id}`} className="button">
                  {t('programmes.view.apply.open')}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      );
    } else if (period.state === 'open') {
      body = (
        <>
          <p>
            {period.closesOn
              ? t('programmes.view.apply.openUntil', { date: date(period.closesOn) })
              : t('programmes.view.apply.openAlways')}
          </p>
          <p className="form-actions">
            {applyAs.map((role) => (
              <Link
                key={role}
                to={`/programmes/${programme.id}/apply/${role}`}
                className="button button-primary"
              >
                {t(`intake.apply.as${role === 'adept' ? 'Adept' : 'Mentor'}`)}
              </Link>
            ))}
          </p>
          <p>
            <a href="#how-to-apply">{t('programmes.view.apply.howItWorks')}</a>
          </p>
        </>
      );
    } else if (period.state === 'upcoming') {
      body = (
        <p>
          {period.closesOn
            ? t('programmes.view.apply.opensBetween', {
                open: date(period.opensOn),
                close: date(period.closesOn),
              })
            : t('programmes.view.apply.opens', { open: date(period.opensOn) })}
        </p>
      );
    } else if (period.state === 'ended') {
      body = (
        <p>
          {period.closedOn
            ? t('programmes.view.apply.closedOn', { date: date(period.closedOn) })
            : t('programmes.view.apply.closed')}
        </p>
      );
    } else {
      body = <p>{t('programmes.view.apply.notOpen')}</p>;
    }
  }

  return (
    <section className="card apply-panel" aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t('programmes.view.apply.title')}</h2>
      {body}
    </section>
  );
}
