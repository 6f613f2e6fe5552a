import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { Loading, Page } from './components/Page.tsx';
import { useSession, ViewerProvider } from './session.tsx';

/** A page loaded only when its route is first shown, so that each route loads just the code it needs. */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const ForgotPasswordPage = page(() => import('./pages/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage');
const InvitationPage = page(() => import('./pages/auth/InvitationPage.tsx'), 'InvitationPage');
const MagicLinkPage = page(() => import('./pages/auth/MagicLinkPage.tsx'), 'MagicLinkPage');
const ResetPasswordPage = page(() => import('./pages/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage');
const SignInPage = page(() => import('./pages/auth/SignInPage.tsx'), 'SignInPage');
const HomePage = page(() => import('./pages/HomePage.tsx'), 'HomePage');
const ApplicationPage = page(() => import('./pages/intake/ApplicationPage.tsx'), 'ApplicationPage');
const ApplicationsPage = page(() => import('./pages/intake/ApplicationsPage.tsx'), 'ApplicationsPage');
const ApplyPage = page(() => import('./pages/intake/ApplyPage.tsx'), 'ApplyPage');
const ApprovalRespondPage = page(
  () => import('./pages/intake/ApprovalRespondPage.tsx'),
  'ApprovalRespondPage',
);
const ApprovalsPage = page(() => import('./pages/intake/ApprovalsPage.tsx'), 'ApprovalsPage');
const IntakePage = page(() => import('./pages/intake/IntakePage.tsx'), 'IntakePage');
const PoolPage = page(() => import('./pages/intake/PoolPage.tsx'), 'PoolPage');
const MatchingBoardPage = page(() => import('./pages/matching/MatchingBoardPage.tsx'), 'MatchingBoardPage');
const MatchingIndexPage = page(() => import('./pages/matching/MatchingIndexPage.tsx'), 'MatchingIndexPage');
const MyPairsPage = page(() => import('./pages/matching/MyPairsPage.tsx'), 'MyPairsPage');
const PairPage = page(() => import('./pages/pairs/PairPage.tsx'), 'PairPage');
const FollowUpPage = page(() => import('./pages/pairs/FollowUpPage.tsx'), 'FollowUpPage');
const NotFoundPage = page(() => import('./pages/NotFoundPage.tsx'), 'NotFoundPage');
const OutboxPage = page(() => import('./pages/OutboxPage.tsx'), 'OutboxPage');
const NewOrganisationPage = page(
  () => import('./pages/organisations/NewOrganisationPage.tsx'),
  'NewOrganisationPage',
);
const OrganisationPage = page(() => import('./pages/organisations/OrganisationPage.tsx'), 'OrganisationPage');
const OrganisationsPage = page(
  () => import('./pages/organisations/OrganisationsPage.tsx'),
  'OrganisationsPage',
);
const ProfilePage = page(() => import('./pages/ProfilePage.tsx'), 'ProfilePage');
const ImportPage = page(() => import('./pages/people/ImportPage.tsx'), 'ImportPage');
const InvitePage = page(() => import('./pages/people/InvitePage.tsx'), 'InvitePage');
const PeoplePage = page(() => import('./pages/people/PeoplePage.tsx'), 'PeoplePage');
const PersonPage = page(() => import('./pages/people/PersonPage.tsx'), 'PersonPage');
const EditProgrammePage = page(() => import('./pages/programmes/EditProgrammePage.tsx'), 'EditProgrammePage');
const NewProgrammePage = page(() => import('./pages/programmes/NewProgrammePage.tsx'), 'NewProgrammePage');
const ProgrammePage = page(() => import('./pages/programmes/ProgrammePage.tsx'), 'ProgrammePage');
const ProgrammesPage = page(() => import('./pages/programmes/ProgrammesPage.tsx'), 'ProgrammesPage');
const AccessibilityPage = page(() => import('./pages/site/AccessibilityPage.tsx'), 'AccessibilityPage');
const PrivacyPage = page(() => import('./pages/site/PrivacyPage.tsx'), 'PrivacyPage');
const WorkQueuePage = page(() => import('./pages/WorkQueuePage.tsx'), 'WorkQueuePage');

export function App() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/auth/forgot" element={<ForgotPasswordPage />} />
        <Route path="/auth/magic" element={<MagicLinkPage />} />
        <Route path="/auth/reset" element={<ResetPasswordPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/approvals/respond" element={<ApprovalRespondPage />} />
        <Route path="/accessibility" element={<AccessibilityPage />} />
        <Route path="/privacy" element={<PrivacyPage />} />
        <Route element={<RequireSignIn />}>
          <Route index element={<HomePage />} />
          <Route path="/organisations" element={<OrganisationsPage />} />
          <Route path="/organisations/new" element={<NewOrganisationPage />} />
          <Route path="/organisations/:id" element={<OrganisationPage />} />
          <Route path="/people" element={<PeoplePage />} />
          <Route path="/people/invite" element={<InvitePage />} />
          <Route path="/people/import" element={<ImportPage />} />
          <Route path="/people/:id" element={<PersonPage />} />
          <Route path="/programmes" element={<ProgrammesPage />} />
          <Route path="/programmes/new" element={<NewProgrammePage />} />
          <Route path="/programmes/:id" element={<ProgrammePage />} />
          <Route path="/programmes/:id/edit" element={<EditProgrammePage />} />
          <Route path="/programmes/:id/apply/:role" element={<ApplyPage />} />
          <Route path="/programmes/:id/intake" element={<IntakePage />} />
          <Route path="/intake" element={<WorkQueuePage />} />
          <Route path="/applications" element={<ApplicationsPage />} />
          <Route path="/applications/:id" element={<ApplicationPage />} />
          <Route path="/approvals" element={<ApprovalsPage />} />
          <Route path="/pool" element={<PoolPage />} />
          <Route path="/matching" element={<MatchingIndexPage />} />
          <Route path="/matching/:id" element={<MatchingBoardPage />} />
          <Route path="/pairs" element={<MyPairsPage />} />
          <Route path="/pairs/:pairId/*" element={<PairPage />} />
          <Route path="/follow-up" element={<FollowUpPage />} />
          <Route path="/outbox" element={<OutboxPage />} />
          <Route path="/me" element={<ProfilePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** The page frame; waits for the first session check so that pages know who is signed in. */
function Shell() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (session === undefined) {
    return (
      <Layout>
        <Page title={t('common.loading')} />
      </Layout>
    );
  }
  // Navigations are transitions, so the page shown stays until the next one has loaded; the
  // fallback only shows while the first page loads.
  const frame = (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </Layout>
  );
  return session ? <ViewerProvider session={session}>{frame}</ViewerProvider> : frame;
}

/** Sends signed-out visitors to sign in, and back here afterwards. */
function RequireSignIn() {
  const { session } = useSession();
  const location = useLocation();
  if (!session)
    return <Navigate to="/signin" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}
