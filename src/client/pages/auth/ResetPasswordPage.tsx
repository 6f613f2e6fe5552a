import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { useAction } from '../../hooks.ts';
import { NewPasswordField } from './NewPasswordField.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const reset = useAction();

  async function submit() {
    await api.postVoid('/api/auth/password-reset/confirm', { token, password });
    setDone(true);
  }

  return (
    <Page title={t('auth.reset.title')}>
      <div className="card narrow">
        {done ? (
          <div role="status">
            <p className="notice notice-success">{t('auth.reset.done')}</p>
            <p>
              <Link to="/signin">{t('auth.backToSignIn')}</Link>
            </p>
          </div>
        ) : (
          <Form action={reset} onSubmit={submit}>
            <NewPasswordField label={t('auth.newPassword')} value={password} onChange={setPassword} />
            <div className="form-actions">
              <SubmitButton action={reset}>{t('auth.reset.submit')}</SubmitButton>
            </div>
          </Form>
        )}
      </div>
    </Page>
  );
}
