import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { invitationPreviewSchema, Limits, sessionResponseSchema } from '../../../shared/api.ts';
import { api, withQuery } from '../../api.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Loaded, Page } from '../../components/Page.tsx';
import { useAction, useApiData } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { NewPasswordField } from './NewPasswordField.tsx';

type Preview = z.infer<typeof invitationPreviewSchema>;

export function InvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useApiData(withQuery('/api/invitations/preview', { token }), invitationPreviewSchema);
  return (
    <Page title={t('auth.invitation.title')}>
      <Loaded state={preview}>{(data) => <AcceptForm token={token} preview={data} />}</Loaded>
    </Page>
  );
}

function AcceptForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState(preview.name);
  const [password, setPassword] = useState('');
  const accept = useAction();

  async function submit() {
    const body = preview.hasAccount ? { token, name } : { token, name, password };
    signedIn(await api.post('/api/invitations/accept', body, sessionResponseSchema));
    navigate('/', { replace: true });
  }

  const where = preview.organisationName ?? preview.networkName;
  return (
    <div className="card narrow">
      <p>
        {t('auth.invitation.intro', {
          // A role in running text is a common noun: "inbjuden som adept".
          role: t(`common.roles.${preview.role}`).toLowerCase(),
          organisation: where,
          network: preview.networkName,
        })}
      </p>
      <p>{t('auth.invitation.email', { email: preview.email })}</p>
      <Form action={accept} onSubmit={submit}>
        <TextField
          name="name"
          label={t('auth.invitation.name')}
          autoComplete="name"
          required
          maxLength={Limits.nameMax}
          value={name}
          onChange={setName}
        />
        {!preview.hasAccount && (
          <NewPasswordField
            label={t('auth.invitation.choosePassword')}
            value={password}
            onChange={setPassword}
          />
        )}
        <div className="form-actions">
          <SubmitButton action={accept}>{t('auth.invitation.submit')}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
