import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  invitationListSchema,
  organisationListSchema,
  outboxListSchema,
  personListSchema,
  programmeListSchema,
  withQuery,
} from '../api.ts';
import { Page } from '../components/Page.tsx';
import { type ApiData, useApiData } from '../hooks.ts';
import { describeRole } from '../roles.ts';
import { useViewer, type Viewer } from '../session.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const firstName = viewer.session.person.name.split(' ')[0] ?? '';
  return (
    <Page title={t('home.greeting', { name: firstName })}>
      {viewer.networkName && <p className="lead">{t('home.network', { network: viewer.networkName })}</p>}
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
        </Link>
      </p>
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
        </Link>
      </p>
      {pending > 0 && <p>{t('home.coordinator.pendingInvitations', { count: pending })}</p>}
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
      <p>{t('home.participant.comingSoon')}</p>
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
