import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  applicationListSchema,
  approvalRequestListSchema,
  invitationListSchema,
  organisationListSchema,
  outboxListSchema,
  personListSchema,
  programmeListSchema,
  withQuery,
} from '../api.ts';
import { Loaded, Page } from '../components/Page.tsx';
import { type ApiData, useApiData } from '../hooks.ts';
import { describeRole } from '../roles.ts';
import { useViewer, type Viewer } from '../session.tsx';
import { StatusBadge } from './intake/ApplicationParts.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const firstName = viewer.session.person.name.split(' ')[0] ?? '';
  return (
    <Page title={t('home.greeting', { name: firstName })}>
      {viewer.networkName && <p className="lead">{t('home.network', { network: viewer.networkName })}</p>}
      <PendingApprovals manager={viewer.hasRole('manager')} />
      {viewer.isAdmin && <AdminOverview networkId={viewer.networkId} />}
      {viewer.isCoordinator && <CoordinatorOverview viewer={viewer} />}
      {!viewer.isAdmin && !viewer.isCoordinator && <ParticipantWelcome viewer={viewer} />}
    </Page>
  );
}

function count(state: ApiData<unknown[]>): string {
  return state.data ? String(state.data.length) : '–';
}

function AdminOverview({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const base = `/api/networks/${networkId}`;
  const organisations = useApiData(`${base}/organisations`, organisationListSchema);
  const people = useApiData(`${base}/people`, personListSchema);
  const programmes = useApiData(`${base}/programmes`, programmeListSchema);
  const outbox = useApiData(`${base}/outbox`, outboxListSchema);
  const tiles = [
    { to: '/organisations', label: t('home.admin.organisations'), value: count(organisations) },
    { to: '/people', label: t('home.admin.people'), value: count(people) },
    { to: '/programmes', label: t('home.admin.programmes'), value: count(programmes) },
    { to: '/outbox', label: t('home.admin.outbox'), value: count(outbox) },
  ];
  return (
    <section aria-labelledby="admin-overview">
      <h2 id="admin-overview">{t('home.admin.title')}</h2>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.to}>
            <Link to={tile.to} className="tile">
              <span className="tile-value">{tile.value}</span>
              <span className="tile-label">{tile.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/programmes/new" className="button">
          {t('programmes.new')}
        </Link>{' '}
        <Link to="/people/invite" className="button">
          {t('people.invite.action')}
        </Link>{' '}
        <Link to="/pool" className="button">
          {t('home.intake.pool')}
        </Link>
      </p>
      <IntakeLinks networkId={networkId} />
    </section>
  );
}

/** For administrators and coordinators: each programme's intake view. */
function IntakeLinks({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const programmes = useApiData(`/api/networks/${networkId}/programmes`, programmeListSchema);
  const open = programmes.data?.filter((p) => p.status === 'open') ?? [];
  if (open.length === 0) return null;
  return (
    <>
      <h3>{t('home.intake.title')}</h3>
      <ul>
        {open.map((programme) => (
          <li key={programme.id}>
            <Link to={`/programmes/${programme.id}/intake`}>
              {t('home.intake.applicationsFor', { programme: programme.name })}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Applications waiting for the viewer's approval; managers always see the section. */
function PendingApprovals({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const requests = useApiData('/api/me/approvals', approvalRequestListSchema);
  const count = requests.data?.length ?? 0;
  if (!manager && count === 0) return null;
  return (
    <section aria-labelledby="pending-approvals">
      <h2 id="pending-approvals">{t('home.approvals.title')}</h2>
      {requests.data === undefined ? (
        <p className="loading">{t('common.loading')}</p>
      ) : count > 0 ? (
        <p className="notice">
          {t('home.approvals.waiting', { count })} <Link to="/approvals">{t('home.approvals.open')}</Link>
        </p>
      ) : (
        <p>{t('home.approvals.none')}</p>
      )}
    </section>
  );
}

function CoordinatorOverview({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const base = `/api/networks/${viewer.networkId}`;
  const invitations = useApiData(`${base}/invitations`, invitationListSchema);
  const pending = invitations.data?.filter((i) => i.status === 'pending').length ?? 0;
  return (
    <section aria-labelledby="coordinator-overview">
      <h2 id="coordinator-overview">{t('home.coordinator.title')}</h2>
      <p>{t('home.coordinator.intro')}</p>
      <ul className="card-list">
        {viewer.coordinatorOrganisationIds.map((id) => (
          <CoordinatorOrganisation key={id} viewer={viewer} organisationId={id} />
        ))}
      </ul>
      <p>
        <Link to="/people/invite" className="button button-primary">
          {t('people.invite.action')}
        </Link>{' '}
        <Link to="/pool" className="button">
          {t('home.intake.pool')}
        </Link>
      </p>
      {pending > 0 && <p>{t('home.coordinator.pendingInvitations', { count: pending })}</p>}
      <IntakeLinks networkId={viewer.networkId} />
    </section>
  );
}

function CoordinatorOrganisation({ viewer, organisationId }: { viewer: Viewer; organisationId: string }) {
  const { t } = useTranslation();
  const people = useApiData(
    withQuery(`/api/networks/${viewer.networkId}/people`, { organisationId }),
    personListSchema,
  );
  return (
    <li className="card">
      <h3>
        <Link to={`/organisations/${organisationId}`}>{viewer.organisationName(organisationId)}</Link>
      </h3>
      <p>
        <Link to={withQuery('/people', { organisationId })}>
          {people.data ? t('home.coordinator.people', { count: people.data.length }) : t('common.loading')}
        </Link>
      </p>
    </li>
  );
}

function ParticipantWelcome({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="participant-welcome">
      <h2 id="participant-welcome">{t('home.participant.title')}</h2>
      <p>{t('home.participant.intro')}</p>
      <OpenProgrammes viewer={viewer} />
      <MyApplications />
      <h3>{t('home.yourRoles')}</h3>
      {viewer.roles.length > 0 ? (
        <ul>
          {viewer.roles.map((role) => (
            <li key={role.id}>{describeRole(role, t, viewer.organisationName)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('home.noRoles')}</p>
      )}
    </section>
  );
}

/** Open programmes with buttons to apply in the roles the viewer holds (both when they hold neither). */
function OpenProgrammes({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const programmes = useApiData(`/api/networks/${viewer.networkId}/programmes`, programmeListSchema);
  const roles = (['adept', 'mentor'] as const).filter((role) => viewer.hasRole(role));
  const applyAs = roles.length > 0 ? roles : (['adept', 'mentor'] as const);
  return (
    <>
      <h3>{t('home.participant.openProgrammes')}</h3>
      <Loaded state={programmes}>
        {(list) => {
          const open = list.filter((p) => p.status === 'open');
          return open.length === 0 ? (
            <p>{t('home.participant.noOpenProgrammes')}</p>
          ) : (
            <ul className="card-list">
              {open.map((programme) => (
                <li key={programme.id} className="card">
                  <h4>
                    <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
                  </h4>
                  <p className="form-actions">
                    {applyAs.map((role) => (
                      <Link
                        key={role}
                        to={`/programmes/${programme.id}/apply/${role}`}
                        className="button button-small"
                      >
                        {t(`intake.apply.as${role === 'adept' ? 'Adept' : 'Mentor'}`)}
                        <span className="visually-hidden"> – {programme.name}</span>
                      </Link>
                    ))}
                  </p>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  const applications = useApiData('/api/me/applications', applicationListSchema);
  if (!applications.data || applications.data.length === 0) return null;
  return (
    <>
      <h3>{t('home.participant.myApplications')}</h3>
      <ul>
        {applications.data.map((application) => (
          <li key={application.id}>
            <Link to={`/applications/${application.id}`}>
              {application.programmeName} ({t(`common.roles.${application.role}`)})
            </Link>{' '}
            <StatusBadge status={application.status} />
          </li>
        ))}
      </ul>
    </>
  );
}
