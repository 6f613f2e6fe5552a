import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { type Locale, localeSchema } from '../../shared/roles.ts';
import { useLocale } from '../hooks.ts';
import { useOptionalViewer, useSession, type Viewer } from '../session.tsx';

/** Moves focus to the new page's h1 after client-side navigation, so screen readers start there. */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const viewer = useOptionalViewer();
  useFocusHeadingOnNavigation();
  return (
    <>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {t('common.productName')}
          </Link>
          {viewer ? (
            <CollapsibleMenu>
              <MainNav viewer={viewer} />
              <div className="header-tools">
                {viewer.session.networks.length > 1 && <NetworkPicker viewer={viewer} />}
                <LanguageSwitch />
                <Account viewer={viewer} />
              </div>
            </CollapsibleMenu>
          ) : (
            <div className="header-tools">
              <LanguageSwitch />
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label={t('site.footerNav')}>
          <ul className="footer-links">
            <li>
              <Link to="/accessibility">{t('site.accessibility.link')}</Link>
            </li>
            <li>
              <Link to="/privacy">{t('site.privacy.link')}</Link>
            </li>
          </ul>
        </nav>
        <p>{t('common.footer')}</p>
      </footer>
    </>
  );
}

/**
 * The navigation, language and account: always shown on wide screens; on narrow ones behind a
 * "Menu" button (CSS decides which), which closes again on navigation and on Escape.
 */
function CollapsibleMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of page
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen((current) => !current)}
      >
        <span className="menu-icon" aria-hidden="true" />
        {t('nav.menu')}
      </button>
      <div id="site-menu" className={open ? 'site-menu site-menu-open' : 'site-menu'}>
        {children}
      </div>
    </>
  );
}

/** What each role's work is: reviewers reach the work queue, applicants their own applications. */
function MainNav({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const links: { to: string; label: string }[] = [{ to: '/', label: t('nav.home') }];
  const reviews = viewer.isAdmin || viewer.isCoordinator;
  if (reviews) {
    links.push(
      { to: '/organisations', label: t('nav.organisations') },
      { to: '/people', label: t('nav.people') },
    );
  }
  // Everyone may read the programmes, and apply to the open ones from there.
  links.push({ to: '/programmes', label: t('nav.programmes') });
  if (reviews) links.push({ to: '/intake', label: t('nav.intake') });
  if (!reviews || viewer.hasRole('adept') || viewer.hasRole('mentor')) {
    links.push({ to: '/applications', label: t('nav.myApplications') });
  }
  // Approvals are asked of managers, of HR (the coordinators) and of the administrators.
  if (reviews || viewer.hasRole('manager')) links.push({ to: '/approvals', label: t('nav.approvals') });
  if (reviews) links.push({ to: '/pool', label: t('nav.pool') });
  if (reviews) links.push({ to: '/matching', label: t('matching.nav.board') });
  // The follow-up of the pairs' year: every pair the administrator or coordinator runs, metadata only.
  if (reviews) links.push({ to: '/follow-up', label: t('plan.followUp.title') });
  // Participants' own pair(s): whom they are matched with, and how to reach them.
  const adept = viewer.hasRole('adept');
  const mentor = viewer.hasRole('mentor');
  if (adept || mentor) {
    const label = adept && mentor ? 'myPairs' : adept ? 'myMentor' : 'myAdept';
    links.push({ to: '/pairs', label: t(`matching.nav.${label}`) });
  }
  if (viewer.isAdmin) links.push({ to: '/outbox', label: t('nav.outbox') });
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="nav-list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.to === '/'}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Account({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  async function handleSignOut() {
    await signOut();
    navigate('/signin');
  }
  return (
    <div className="account">
      <Link to="/me" className="account-name">
        {viewer.session.person.name}
      </Link>
      <button
        type="button"
        className="button button-small"
        onClick={() => handleSignOut().catch((error: unknown) => console.error(error))}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}

const languageNames: Record<Locale, string> = { sv: 'Svenska', en: 'English' };

function LanguageSwitch() {
  const { t } = useTranslation();
  const { saveLocale } = useSession();
  const locale = useLocale();
  function change(value: string) {
    const parsed = localeSchema.safeParse(value);
    if (parsed.success) saveLocale(parsed.data).catch((error: unknown) => console.error(error));
  }
  return (
    <div className="header-select">
      <label htmlFor="language-switch">{t('common.language')}</label>
      <select id="language-switch" value={locale} onChange={(e) => change(e.target.value)}>
        {localeSchema.options.map((option) => (
          <option key={option} value={option} lang={option}>
            {languageNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}

function NetworkPicker({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="header-select">
      <label htmlFor="network-picker">{t('nav.network')}</label>
      <select
        id="network-picker"
        value={viewer.networkId}
        onChange={(e) => {
          viewer.chooseNetwork(e.target.value);
          navigate('/');
        }}
      >
        {viewer.session.networks.map((network) => (
          <option key={network.id} value={network.id}>
            {network.name}
          </option>
        ))}
      </select>
    </div>
  );
}
