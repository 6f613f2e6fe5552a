import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Limits } from '../../../shared/api.ts';
import { api } from '../../api.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { useAction } from '../../hooks.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useAction();

  async function submit() {
    await api.postVoid('/api/auth/password-reset', { email });
    setSentTo(email);
  }

  return (
    <Page title={t('auth.forgot.title')}>
      <div className="card narrow">
        <p>{t('auth.forgot.intro')}</p>
        <Form action={request} onSubmit={submit}>
          <TextField
            name="email"
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            maxLength={Limits.emailMax}
            value={email}
            onChange={setEmail}
          />
          <div className="form-actions">
            <SubmitButton action={request}>{t('auth.forgot.submit')}</SubmitButton>
            <Link to="/signin">{t('auth.backToSignIn')}</Link>
          </div>
        </Form>
        <div role="status">
          {sentTo && <p className="notice notice-success">{t('auth.forgot.sent', { email: sentTo })}</p>}
        </div>
      </div>
    </Page>
  );
}
