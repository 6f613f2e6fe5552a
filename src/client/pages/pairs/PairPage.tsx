import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useParams } from 'react-router';
import type { PairSummary } from '../../../shared/pair-year.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { useApiData } from '../../hooks.ts';
import { AgreementsTab } from './AgreementsTab.tsx';
import { MentorBookTab } from './book/MentorBookTab.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';
import { PairOverview } from './PairOverview.tsx';
import { pairSummarySchema } from './pairsApi.ts';

/** What each part of the pair's page is given. */
export interface PairTabProps {
  pair: PairSummary;
  /** Loads the summary again, after an action that changes the pair's status. */
  reload(): void;
}

/**
 * One pair's page: an overview, the agreements, the meetings and the mentor book, as sections of
 * one page with a menu. Coordinators and advisors see the overview only: metadata, never content.
 */
export function PairPage() {
  const { t } = useTranslation();
  const { pairId } = useParams();
  const summary = useApiData(`/api/pairs/${pairId}`, pairSummarySchema);
  return (
    <Loaded state={summary}>
      {(pair) => {
        const party = pair.viewerRole === 'adept' || pair.viewerRole === 'mentor';
        const other = pair.viewerRole === 'adept' ? pair.mentor : pair.adept;
        const title = party
          ? t(pair.viewerRole === 'adept' ? 'pair.page.titleAdept' : 'pair.page.titleMentor', {
              name: other.name,
            })
          : t('pair.page.titleOthers', { adept: pair.adept.name, mentor: pair.mentor.name });
        const tabs = [
          { to: '', label: t('pair.page.tabs.overview'), show: true },
          {
            to: 'agreements',
            label: t('pair.page.tabs.agreements'),
            show: party && (pair.features.contract || pair.features.confidentialityAgreement),
          },
          { to: 'meetings', label: t('pair.page.tabs.meetings'), show: party },
          { to: 'book', label: t('pair.page.tabs.book'), show: party && pair.features.mentorBook },
        ].filter((tab) => tab.show);
        const props: PairTabProps = { pair, reload: summary.reload };
        return (
          <Page title={title} caption={pair.programme.name}>
            {tabs.length > 1 && (
              <nav className="pair-tabs" aria-label={t('pair.page.tabsLabel')}>
                <ul>
                  {tabs.map((tab) => (
                    <li key={tab.to}>
                      <NavLink
                        to={tab.to === '' ? `/pairs/${pair.id}` : `/pairs/${pair.id}/${tab.to}`}
                        end={tab.to === ''}
                      >
                        {tab.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <Routes>
              <Route index element={<PairOverview {...props} />} />
              {party && <Route path="agreements" element={<AgreementsTab {...props} />} />}
              {party && <Route path="meetings" element={<MeetingsTab {...props} />} />}
              {party && <Route path="book/*" element={<MentorBookTab {...props} />} />}
              <Route path="*" element={<p>{t('common.notFound.text')}</p>} />
            </Routes>
          </Page>
        );
      }}
    </Loaded>
  );
}
