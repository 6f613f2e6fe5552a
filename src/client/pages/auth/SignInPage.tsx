import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Limits, sessionResponseSchema } from '../../../shared/api.ts';
import { api } from '../../api.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { useAction } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { EmailRequestForm } from './EmailRequestForm.tsx';

/** Where to go after signing in: the page that asked for it, if it is one of ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { session, signedIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction();

  if (session) return <Navigate to={returnPath(location.state)} replace />;

  async function submit() {
    signedIn(await api.post('/api/auth/sign-in', { email, password }, sessionResponseSchema));
    navigate(returnPath(location.state), { replace: true });
  }

  return (
    <Page title={t('auth.signIn.title')}>
      <div className="auth-columns">
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">{t('auth.signIn.withPassword')}</h2>
          <Form action={signIn} onSubmit={submit}>
            <TextField
              name="email"
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              maxLength={Limits.emailMax}
              value={email}
              onChange={setEmail}
            />
            <TextField
              name="password"
              label={t('auth.password')}
              type="password"
              autoComplete="current-password"
              required
              maxLength={Limits.passwordMax}
              value={password}
              onChange={setPassword}
            />
            <div className="form-actions">
              <SubmitButton action={signIn}>{t('auth.signIn.submit')}</SubmitButton>
              <Link to="/auth/forgot">{t('auth.signIn.forgot')}</Link>
            </div>
          </Form>
        </section>
        <MagicLinkRequest />
      </div>
    </Page>
  );
}

function MagicLinkRequest() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="magic-heading">
      <h2 id="magic-heading">{t('auth.magicLink.title')}</h2>
      <p>{t('auth.magicLink.intro')}</p>
      <EmailRequestForm
        endpoint="/api/auth/magic-link"
        submitLabel={t('auth.magicLink.submit')}
        sentMessage={(email) => t('auth.magicLink.sent', { email })}
        idPrefix="magic"
      />
    </section>
  );
}
