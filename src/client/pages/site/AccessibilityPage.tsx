import { Trans, useTranslation } from 'react-i18next';
import type { SiteInfo } from '../../../shared/home.ts';
import { Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import { OperatorContact, useOperatorName, WithSiteInfo } from './operator.tsx';

/** When the service's accessibility was last assessed, and this statement last changed. */
const assessedOn = '2026-11-24';
const updatedOn = '2026-11-24';

/** DIGG's enforcement procedure: where anyone reports a public e-service's inaccessibility. */
const diggReportUrl = 'https://www.digg.se/tdosanmalan';

/**
 * The accessibility statement the law on accessibility of digital public services (2018:1937)
 * asks for, with the content the Agency for Digital Government (DIGG) prescribes. Public.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('site.accessibility.title')}>
      <WithSiteInfo>{(site) => <Statement site={site} />}</WithSiteInfo>
    </Page>
  );
}

function Statement({ site }: { site: SiteInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const operator = useOperatorName(site);
  const shortcomings = t('site.accessibility.shortcomings', { returnObjects: true }) as string[];
  const methods = t('site.accessibility.methods', { returnObjects: true }) as string[];
  return (
    <div className="prose">
      <p className="lead">{t('site.accessibility.intro', { operator: operator.name })}</p>

      <h2>{t('site.accessibility.howTitle')}</h2>
      <p>
        <Trans
          i18nKey="site.accessibility.how"
          components={{ jump: <a href="#not-accessible">{t('site.accessibility.shortcomingsTitle')}</a> }}
        />
      </p>

      <h2>{t('site.accessibility.needTitle')}</h2>
      <p>{t('site.accessibility.need')}</p>
      <p>
        <OperatorContact site={site} /> {t('site.accessibility.answerTime')}
      </p>

      <h2>{t('site.accessibility.reportTitle')}</h2>
      <p>{t('site.accessibility.report')}</p>
      <p>
        <OperatorContact site={site} />
      </p>

      <h2>{t('site.accessibility.enforcementTitle')}</h2>
      <p>{t('site.accessibility.enforcement')}</p>
      <p>
        <a href={diggReportUrl}>{t('site.accessibility.enforcementLink')}</a>
      </p>

      <h2>{t('site.accessibility.technicalTitle')}</h2>
      <p>{t('site.accessibility.status')}</p>

      <h3 id="not-accessible">{t('site.accessibility.shortcomingsTitle')}</h3>
      <ul>
        {shortcomings.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>

      <h2>{t('site.accessibility.assessmentTitle')}</h2>
      <p>{t('site.accessibility.assessment')}</p>
      <ul>
        {methods.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{t('site.accessibility.assessedOn', { date: formatDate(assessedOn, locale) })}</p>
      <p>{t('site.accessibility.updatedOn', { date: formatDate(updatedOn, locale) })}</p>
    </div>
  );
}
