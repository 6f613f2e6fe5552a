import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFound.title')}>
      <p>{t('common.notFound.text')}</p>
      <p>
        <Link to="/">{t('common.notFound.home')}</Link>
      </p>
    </Page>
  );
}
