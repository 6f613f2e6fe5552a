import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Invitation, invitationSchema, Limits, type Organisation } from '../../../shared/api.ts';
import { type Locale, locales, organisationRoles } from '../../../shared/roles.ts';
import { api, invitationListSchema, organisationListSchema } from '../../api.ts';
import { Form, SelectField, SubmitButton, TextField } from '../../components/Form.tsx';
import { Loaded, Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDate } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';

type InvitableRole = (typeof organisationRoles)[number];

export function InvitePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const base = `/api/networks/${viewer.networkId}`;
  const organisations = useApiData(`${base}/organisations`, organisationListSchema);
  const invitations = useApiData(`${base}/invitations`, invitationListSchema);
  // Coordinators invite only to their own organisations.
  const choosable = (organisations.data ?? []).filter(
    (o) => viewer.isAdmin || viewer.coordinatorOrganisationIds.includes(o.id),
  );

  return (
    <Page title={t('people.invite.title')}>
      <section className="card" aria-labelledby="invite-form">
        <h2 id="invite-form">{t('people.invite.formTitle')}</h2>
        <p>{t('people.invite.intro')}</p>
        <Loaded state={organisations}>
          {() => <InviteForm organisations={choosable} onInvited={invitations.reload} />}
        </Loaded>
      </section>
      <section aria-labelledby="pending-invitations">
        <h2 id="pending-invitations">{t('people.invite.pending')}</h2>
        <Loaded state={invitations}>
          {(list) => (
            <PendingInvitations
              invitations={list.filter((i) => i.status === 'pending')}
              organisations={organisations.data ?? []}
              onRevoked={invitations.reload}
            />
          )}
        </Loaded>
      </section>
    </Page>
  );
}

function InviteForm({ organisations, onInvited }: { organisations: Organisation[]; onInvited(): void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<InvitableRole | ''>('');
  const [organisationId, setOrganisationId] = useState(
    organisations.length === 1 ? (organisations[0]?.id ?? '') : '',
  );
  const [locale, setLocale] = useState<Locale>('sv');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useAction();

  async function submit() {
    setSentTo(null);
    const body = { email, name, role, organisationId, locale };
    await api.post(`/api/networks/${viewer.networkId}/invitations`, body, invitationSchema);
    setSentTo(email);
    setEmail('');
    setName('');
    onInvited();
  }

  return (
    <Form action={invite} onSubmit={submit}>
      <TextField
        name="email"
        label={t('people.email')}
        type="email"
        autoComplete="off"
        required
        maxLength={Limits.emailMax}
        value={email}
        onChange={setEmail}
      />
      <TextField
        name="name"
        label={t('people.name')}
        autoComplete="off"
        required
        maxLength={Limits.nameMax}
        value={name}
        onChange={setName}
      />
      <SelectField
        name="role"
        label={t('people.role')}
        required
        placeholder={t('common.choose')}
        value={role}
        options={organisationRoles.map((value) => ({ value, label: t(`common.roles.${value}`) }))}
        onChange={setRole}
      />
      <SelectField
        name="organisationId"
        label={t('people.organisation')}
        required
        placeholder={t('common.choose')}
        value={organisationId}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        onChange={setOrganisationId}
      />
      <SelectField
        name="locale"
        label={t('people.invite.language')}
        hint={t('people.invite.languageHint')}
        value={locale}
        options={locales.map((value) => ({ value, label: t(`common.languages.${value}`) }))}
        onChange={setLocale}
      />
      <div className="form-actions">
        <SubmitButton action={invite}>{t('people.invite.submit')}</SubmitButton>
      </div>
      <div role="status">
        {sentTo && <p className="notice notice-success">{t('people.invite.sent', { email: sentTo })}</p>}
      </div>
    </Form>
  );
}

interface PendingInvitationsProps {
  invitations: Invitation[];
  organisations: Organisation[];
  onRevoked(): void;
}

function PendingInvitations({ invitations, organisations, onRevoked }: PendingInvitationsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const revoke = useAction();
  if (invitations.length === 0) return <p>{t('people.invite.nonePending')}</p>;

  function revokeInvitation(invitation: Invitation) {
    if (!window.confirm(t('people.invite.confirmRevoke', { name: invitation.name }))) return;
    void revoke.run(async () => {
      await api.postVoid(`/api/invitations/${invitation.id}/revoke`);
      onRevoked();
    });
  }

  return (
    <>
      {revoke.problem && <ProblemMessage problem={revoke.problem} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('people.invite.pending')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              <th scope="col">{t('people.email')}</th>
              <th scope="col">{t('people.role')}</th>
              <th scope="col">{t('people.organisation')}</th>
              <th scope="col">{t('people.invite.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row">{invitation.name}</th>
                <td>{invitation.email}</td>
                <td>{t(`common.roles.${invitation.role}`)}</td>
                <td>{organisations.find((o) => o.id === invitation.organisationId)?.name ?? '–'}</td>
                <td>{formatDate(invitation.expiresAt, locale)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    disabled={revoke.pending}
                    onClick={() => revokeInvitation(invitation)}
                  >
                    {t('people.invite.revoke')}
                    <span className="visually-hidden"> {invitation.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
