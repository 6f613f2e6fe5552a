import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { Page } from './components/Page.tsx';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage.tsx';
import { InvitationPage } from './pages/auth/InvitationPage.tsx';
import { MagicLinkPage } from './pages/auth/MagicLinkPage.tsx';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage.tsx';
import { SignInPage } from './pages/auth/SignInPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { ApplicationPage } from './pages/intake/ApplicationPage.tsx';
import { ApplicationsPage } from './pages/intake/ApplicationsPage.tsx';
import { ApplyPage } from './pages/intake/ApplyPage.tsx';
import { ApprovalRespondPage } from './pages/intake/ApprovalRespondPage.tsx';
import { ApprovalsPage } from './pages/intake/ApprovalsPage.tsx';
import { IntakePage } from './pages/intake/IntakePage.tsx';
import { PoolPage } from './pages/intake/PoolPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OutboxPage } from './pages/OutboxPage.tsx';
import { NewOrganisationPage } from './pages/organisations/NewOrganisationPage.tsx';
import { OrganisationPage } from './pages/organisations/OrganisationPage.tsx';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { ImportPage } from './pages/people/ImportPage.tsx';
import { InvitePage } from './pages/people/InvitePage.tsx';
import { PeoplePage } from './pages/people/PeoplePage.tsx';
import { PersonPage } from './pages/people/PersonPage.tsx';
import { NewProgrammePage } from './pages/programmes/NewProgrammePage.tsx';
import { ProgrammePage } from './pages/programmes/ProgrammePage.tsx';
import { ProgrammesPage } from './pages/programmes/ProgrammesPage.tsx';
import { useSession, ViewerProvider } from './session.tsx';

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
          <Route path="/programmes/:id/apply/:role" element={<ApplyPage />} />
          <Route path="/programmes/:id/intake" element={<IntakePage />} />
          <Route path="/applications" element={<ApplicationsPage />} />
          <Route path="/applications/:id" element={<ApplicationPage />} />
          <Route path="/approvals" element={<ApprovalsPage />} />
          <Route path="/pool" element={<PoolPage />} />
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
  const page = (
    <Layout>
      <Outlet />
    </Layout>
  );
  return session ? <ViewerProvider session={session}>{page}</ViewerProvider> : page;
}

/** Sends signed-out visitors to sign in, and back here afterwards. */
function RequireSignIn() {
  const { session } = useSession();
  const location = useLocation();
  if (!session)
    return <Navigate to="/signin" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}
