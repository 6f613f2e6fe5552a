import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Limits, type Person, personSchema } from '../../../shared/api.ts';
import { api, organisationListSchema } from '../../api.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Loaded, Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDate } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { describeRole } from '../../roles.ts';
import { useViewer } from '../../session.tsx';

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useApiData(`/api/people/${id}`, personSchema);
  return (
    <Page title={person.data?.name ?? t('people.detailTitle')}>
      <p>
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <Loaded state={person}>{(data) => <PersonDetail person={data} onSaved={person.setData} />}</Loaded>
    </Page>
  );
}

function PersonDetail({ person, onSaved }: { person: Person; onSaved(person: Person): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const organisations = useApiData(`/api/networks/${viewer.networkId}/organisations`, organisationListSchema);
  const organisationName = (id: string | null) =>
    organisations.data?.find((o) => o.id === id)?.name ?? viewer.organisationName(id);
  const mayAct = coversEveryRole(viewer, person);
  const isSelf = person.id === viewer.session.person.id;

  return (
    <>
      <section className="card" aria-labelledby="person-facts">
        <h2 id="person-facts">{t('people.facts')}</h2>
        <dl className="facts">
          <dt>{t('people.email')}</dt>
          <dd>{person.email}</dd>
          <dt>{t('people.jobTitle')}</dt>
          <dd>{person.title ?? '–'}</dd>
          <dt>{t('people.language')}</dt>
          <dd>{t(`common.languages.${person.locale}`)}</dd>
          <dt>{t('people.status')}</dt>
          <dd>{person.disabled ? t('people.disabled') : t('people.active')}</dd>
          <dt>{t('people.createdAt')}</dt>
          <dd>{formatDate(person.createdAt, locale)}</dd>
        </dl>
        <h3>{t('people.roles')}</h3>
        {person.roles.length > 0 ? (
          <ul>
            {person.roles.map((role) => (
              <li key={role.id}>{describeRole(role, t, organisationName)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('people.noRoles')}</p>
        )}
      </section>
      {mayAct && <EditPerson person={person} onSaved={onSaved} />}
      {mayAct && !isSelf && <AccountStatus person={person} onSaved={onSaved} />}
      {!mayAct && !isSelf && viewer.isCoordinator && <p className="hint">{t('people.beyondYourRoles')}</p>}
    </>
  );
}

/** Coordinators hand out these roles in their own organisations; administrators any role in their network. */
const rolesCoordinatorsCover = new Set<string>(['manager', 'mentor', 'adept']);

/**
 * Whether the viewer may change this person's account: their authority must cover every role the
 * person holds, as the server decides (a coordinator never acts on an administrator, a fellow
 * coordinator or someone who also belongs elsewhere). The server has the last word.
 */
function coversEveryRole(viewer: ReturnType<typeof useViewer>, person: Person): boolean {
  return (
    person.roles.length > 0 &&
    person.roles.every(
      (r) =>
        (viewer.isAdmin && r.networkId === viewer.networkId) ||
        (rolesCoordinatorsCover.has(r.role) &&
          r.organisationId !== null &&
          viewer.coordinatorOrganisationIds.includes(r.organisationId)),
    )
  );
}

function EditPerson({ person, onSaved }: { person: Person; onSaved(person: Person): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(person.name);
  const [title, setTitle] = useState(person.title ?? '');
  const [saved, setSaved] = useState(false);
  const save = useAction();

  async function submit() {
    setSaved(false);
    onSaved(await api.patch(`/api/people/${person.id}`, { name, title: title.trim() || null }, personSchema));
    setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="person-edit">
      <h2 id="person-edit">{t('people.edit')}</h2>
      <Form action={save} onSubmit={submit}>
        <TextField
          name="name"
          label={t('people.name')}
          required
          maxLength={Limits.nameMax}
          value={name}
          onChange={setName}
        />
        <TextField
          name="title"
          label={t('people.jobTitle')}
          maxLength={Limits.titleMax}
          value={title}
          onChange={setTitle}
        />
        <div className="form-actions">
          <SubmitButton action={save}>{t('common.save')}</SubmitButton>
        </div>
        <div role="status">{saved && <p className="notice notice-success">{t('common.saved')}</p>}</div>
      </Form>
    </section>
  );
}

function AccountStatus({ person, onSaved }: { person: Person; onSaved(person: Person): void }) {
  const { t } = useTranslation();
  const toggle = useAction();
  function run() {
    void toggle.run(async () =>
      onSaved(await api.patch(`/api/people/${person.id}`, { disabled: !person.disabled }, personSchema)),
    );
  }
  return (
    <section className="card" aria-labelledby="person-account">
      <h2 id="person-account">{t('people.account')}</h2>
      <p>{person.disabled ? t('people.disabledExplanation') : t('people.activeExplanation')}</p>
      {toggle.problem && <ProblemMessage problem={toggle.problem} />}
      <button
        type="button"
        className={person.disabled ? 'button' : 'button button-danger'}
        disabled={toggle.pending}
        onClick={run}
      >
        {person.disabled ? t('people.enable') : t('people.disable')}
      </button>
    </section>
  );
}
