import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { type SiteInfo, siteInfoSchema } from '../../../shared/home.ts';
import { Loaded } from '../../components/Page.tsx';
import { useApiData } from '../../hooks.ts';

/** Who runs this installation (OPERATOR_NAME, OPERATOR_EMAIL), loaded once the page needs it. */
export function WithSiteInfo({ children }: { children(site: SiteInfo): ReactNode }) {
  const site = useApiData('/api/site', siteInfoSchema);
  return <Loaded state={site}>{children}</Loaded>;
}

/** The operator's name, or "the network's programme managers" where none is configured. */
export function useOperatorName(site: SiteInfo): { name: string } {
  const { t } = useTranslation();
  return { name: site.operatorName ?? t('site.operatorDefault') };
}

/** How to reach the operator: their address, or the programme's coordinator where none is configured. */
export function OperatorContact({ site }: { site: SiteInfo }) {
  const { t } = useTranslation();
  const { name } = useOperatorName(site);
  if (!site.operatorEmail) return <>{t('site.contactCoordinator')}</>;
  return (
    <Trans
      i18nKey="site.contactEmail"
      values={{ operator: name, email: site.operatorEmail }}
      components={{ email: <a href={`mailto:${site.operatorEmail}`}>{site.operatorEmail}</a> }}
    />
  );
}
