import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Organisation, organisationSchema } from '../../../shared/api.ts';
import { api, personListSchema, withQuery } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { PeopleTable } from '../people/PeopleTable.tsx';
import { type OrganisationBody, OrganisationForm } from './OrganisationForm.tsx';

export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organisation = useApiData(`/api/organisations/${id}`, organisationSchema);
  return (
    <Page title={organisation.data?.name ?? t('organisations.detailTitle')}>
      <p>
        <Link to="/organisations">{t('organisations.backToList')}</Link>
      </p>
      <Loaded state={organisation}>
        {(data) => <OrganisationDetail organisation={data} onSaved={organisation.setData} />}
      </Loaded>
    </Page>
  );
}

function OrganisationDetail({
  organisation,
  onSaved,
}: {
  organisation: Organisation;
  onSaved(o: Organisation): void;
}) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const locale = useLocale();
  const coordinate = (value: number) =>
    new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 4 }).format(value);
  const [editing, setEditing] = useState(false);
  const people = useApiData(
    withQuery(`/api/networks/${viewer.networkId}/people`, { organisationId: organisation.id }),
    personListSchema,
  );

  async function save(body: OrganisationBody) {
    onSaved(await api.patch(`/api/organisations/${organisation.id}`, body, organisationSchema));
    setEditing(false);
  }

  return (
    <>
      <section className="card" aria-labelledby="organisation-facts">
        <h2 id="organisation-facts">{t('organisations.facts')}</h2>
        {editing ? (
          <>
            <OrganisationForm initial={organisation} submitLabel={t('common.save')} onSave={save} />
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <>
            <dl className="facts">
              <dt>{t('organisations.kind')}</dt>
              <dd>{t(`organisations.kinds.${organisation.kind}`)}</dd>
              <dt>{t('organisations.orgNumber')}</dt>
              <dd>{organisation.orgNumber ?? '–'}</dd>
              <dt>{t('matching.location.place')}</dt>
              <dd>
                {organisation.latitude !== null && organisation.longitude !== null
                  ? t('matching.location.at', {
                      place: organisation.placeName ?? '–',
                      latitude: coordinate(organisation.latitude),
                      longitude: coordinate(organisation.longitude),
                    })
                  : t('matching.location.none')}
              </dd>
              {organisation.external && (
                <>
                  <dt>{t('matching.location.membership')}</dt>
                  <dd>{t('matching.location.external')}</dd>
                </>
              )}
            </dl>
            {viewer.isAdmin && (
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </button>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="organisation-people">
        <div className="section-heading">
          <h2 id="organisation-people">{t('organisations.people')}</h2>
          {(viewer.isAdmin || viewer.coordinatorOrganisationIds.includes(organisation.id)) && (
            <Link to="/people/invite" className="button">
              {t('people.invite.action')}
            </Link>
          )}
        </div>
        <Loaded state={people}>
          {(list) => (
            <PeopleTable people={list} organisations={[organisation]} caption={t('organisations.people')} />
          )}
        </Loaded>
      </section>
    </>
  );
}
