import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { EmailRequestForm } from './EmailRequestForm.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('auth.forgot.title')}>
      <div className="card narrow">
        <p>{t('auth.forgot.intro')}</p>
        <EmailRequestForm
          endpoint="/api/auth/password-reset"
          submitLabel={t('auth.forgot.submit')}
          sentMessage={(email) => t('auth.forgot.sent', { email })}
        >
          <Link to="/signin">{t('auth.backToSignIn')}</Link>
        </EmailRequestForm>
      </div>
    </Page>
  );
}
