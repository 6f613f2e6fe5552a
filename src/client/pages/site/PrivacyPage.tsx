import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SiteInfo } from '../../../shared/home.ts';
import { Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import { OperatorContact, useOperatorName, WithSiteInfo } from './operator.tsx';

const updatedOn = '2026-11-24';
const imyUrl = 'https://www.imy.se';

/** How Bollplank processes personal data, and how to use one's rights. Public. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('site.privacy.title')}>
      <WithSiteInfo>{(site) => <Privacy site={site} />}</WithSiteInfo>
    </Page>
  );
}

function Privacy({ site }: { site: SiteInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const operator = useOperatorName(site);
  const list = (key: string) => (
    <ul>
      {(t(key, { returnObjects: true }) as string[]).map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
  return (
    <div className="prose">
      <p className="lead">{t('site.privacy.intro')}</p>

      <h2>{t('site.privacy.controllerTitle')}</h2>
      <p>{t('site.privacy.controller', { operator: operator.name })}</p>

      <h2>{t('site.privacy.dataTitle')}</h2>
      {list('site.privacy.data')}

      <h2>{t('site.privacy.purposeTitle')}</h2>
      {list('site.privacy.purposes')}

      <h2>{t('site.privacy.basisTitle')}</h2>
      <p>{t('site.privacy.basis')}</p>
      <p>{t('site.privacy.consent')}</p>

      <h2>{t('site.privacy.noticesTitle')}</h2>
      <p>{t('site.privacy.notices')}</p>
      <p>
        <Link to="/programmes">{t('site.privacy.programmesLink')}</Link>
      </p>

      <h2>{t('site.privacy.retentionTitle')}</h2>
      {list('site.privacy.retention')}

      <h2>{t('site.privacy.rightsTitle')}</h2>
      {list('site.privacy.rights')}
      <p>{t('site.privacy.selfService')}</p>
      <p>
        <OperatorContact site={site} /> {t('site.privacy.answerTime')}
      </p>

      <h2>{t('site.privacy.complaintTitle')}</h2>
      <p>{t('site.privacy.complaint')}</p>
      <p>
        <a href={imyUrl}>{t('site.privacy.complaintLink')}</a>
      </p>

      <h2>{t('site.privacy.cookiesTitle')}</h2>
      <p>{t('site.privacy.cookies')}</p>

      <p>{t('site.privacy.updatedOn', { date: formatDate(updatedOn, locale) })}</p>
    </div>
  );
}
