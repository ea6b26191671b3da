import { useApolloClient, useMutation } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { errorCode } from './errors';
import { graphql } from './gql';
import { ROLE_LABELS } from './format';
import { LoginPage } from './pages/LoginPage';
import { loadReviewPage } from './pages/review/preload';
import { AgentProvider, can, useMe, type CurrentAgent } from './session';
import { ErrorAlert, Loading, MarianneLogo, usePageTitle } from './ui';

// Each screen is its own chunk: the login page (a cold visit) loads none of them, and the
// supervision charts load only for those who open them.
const AdminPage = lazy(() => import('./pages/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const ControlsPage = lazy(() => import('./pages/ControlsPage').then((m) => ({ default: m.ControlsPage })));
const ControlCasePage = lazy(() => import('./pages/ControlCasePage').then((m) => ({ default: m.ControlCasePage })));
const ImportsPage = lazy(() => import('./pages/ImportsPage').then((m) => ({ default: m.ImportsPage })));
const ProfessionalPage = lazy(() => import('./pages/ProfessionalPage').then((m) => ({ default: m.ProfessionalPage })));
const QueuePage = lazy(() => import('./pages/QueuePage').then((m) => ({ default: m.QueuePage })));
const ReviewPage = lazy(loadReviewPage); // without a fallback once prefetched: review/preload.ts
const SearchPage = lazy(() => import('./pages/SearchPage').then((m) => ({ default: m.SearchPage })));
const RelancesPage = lazy(() => import('./pages/relances/RelancesPage').then((m) => ({ default: m.RelancesPage })));
const SupervisionPage = lazy(() => import('./pages/SupervisionPage').then((m) => ({ default: m.SupervisionPage })));

const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

/** Role-based landing: conseillers work the queue, DAM search, supervisors and admins read the dashboard. */
export function landingOf(agent: CurrentAgent): string {
  if (agent.role === 'CONSEILLER') return '/justificatifs';
  if (agent.role === 'DAM') return '/professionnels';
  return '/supervision';
}

/** Administrators run the administration section; superviseurs read the campaigns' lifecycle there. */
export const seesAdministration = (agent: CurrentAgent) =>
  can(agent, 'MANAGE_AGENTS') ||
  can(agent, 'MANAGE_REFERENTIEL') ||
  can(agent, 'MANAGE_CAMPAIGNS') ||
  can(agent, 'REVERSE_DECISIONS');

export const seesQueue = (agent: CurrentAgent) =>
  can(agent, 'DECIDE_JUSTIFICATIFS') || can(agent, 'ASSIGN_ANY_JUSTIFICATIF');

/** The agent's name, role and caisse, and « Se déconnecter »: in the header's tools, or in the phone menu. */
function AgentTools({ agent, onSignOut, testId }: { agent: CurrentAgent; onSignOut: () => void; testId: string }) {
  return (
    <ul className="fr-btns-group">
      <li>
        <p className="mcbo-agent fr-icon-account-circle-line" data-testid={testId}>
          {' '}
          {agent.displayName}
          <span>
            {ROLE_LABELS[agent.role]} · caisse {agent.caisseCode}
            {agent.nationalScope ? ' (national)' : ''}
          </span>
        </p>
      </li>
      <li>
        <button type="button" className="fr-btn fr-icon-logout-box-r-line" onClick={onSignOut}>
          Se déconnecter
        </button>
      </li>
    </ul>
  );
}

/**
 * On a phone the DSFR header folds its tools and navigation into a « Menu » dialog. DSFR's own script is
 * not loaded, so React opens it: closed on navigation and on Escape, focus moved in and given back.
 */
function usePhoneMenu() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const closeRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    // Once the dialog is displayed (DSFR shows it on the next frame): a hidden button takes no focus.
    const focusLater = window.setTimeout(() => closeRef.current?.focus(), 50);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      openRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(focusLater);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return { open, setOpen, closeRef, openRef };
}

function Header({ agent }: { agent: CurrentAgent | null }) {
  const [logout] = useMutation(LOGOUT);
  const apollo = useApolloClient();
  const menu = usePhoneMenu();
  const signOut = async () => {
    await logout().catch(() => undefined);
    await apollo.clearStore().catch(() => undefined);
    // A full reload drops every piece of the previous agent's data held in memory.
    window.location.assign('/connexion');
  };
  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand fr-enlarge-link">
              <div className="fr-header__brand-top">
                <div className="fr-header__logo">
                  <MarianneLogo />
                </div>
                {agent && (
                  <div className="fr-header__navbar">
                    <button
                      ref={menu.openRef}
                      type="button"
                      className="fr-btn--menu fr-btn"
                      aria-controls="menu-principal"
                      aria-expanded={menu.open}
                      id="bouton-menu"
                      title="Menu"
                      onClick={() => menu.setOpen(true)}
                    >
                      Menu
                    </button>
                  </div>
                )}
              </div>
              <div className="fr-header__service">
                <NavLink to="/" title="Accueil – Ma Convention, back office CPAM">
                  <p className="fr-header__service-title">Ma Convention – back office CPAM</p>
                </NavLink>
                <p className="fr-header__service-tagline">Indicateurs, justificatifs et rémunérations</p>
              </div>
            </div>
            {agent && (
              <div className="fr-header__tools">
                <div className="fr-header__tools-links">
                  <AgentTools agent={agent} onSignOut={signOut} testId="agent" />
                </div>
              </div>
            )}
          </div>
        </div>
      </div>
      {agent && (
        <div
          className={`fr-header__menu fr-modal${menu.open ? ' fr-modal--opened' : ''}`}
          id="menu-principal"
          aria-labelledby="bouton-menu"
          {...(menu.open ? { role: 'dialog', 'aria-modal': true } : {})}
        >
          <div className="fr-container">
            <button
              ref={menu.closeRef}
              type="button"
              className="fr-btn--close fr-btn"
              aria-controls="menu-principal"
              title="Fermer le menu"
              onClick={() => {
                menu.setOpen(false);
                menu.openRef.current?.focus();
              }}
            >
              Fermer
            </button>
            <div className="fr-header__menu-links">
              <AgentTools agent={agent} onSignOut={signOut} testId="agent-menu" />
            </div>
            <nav className="fr-nav" role="navigation" aria-label="Menu principal">
              <ul className="fr-nav__list">
                {seesQueue(agent) && (
                  <li className="fr-nav__item">
                    <NavLink className="fr-nav__link" to="/justificatifs">
                      Justificatifs
                    </NavLink>
                  </li>
                )}
                <li className="fr-nav__item">
                  <NavLink className="fr-nav__link" to="/professionnels">
                    Professionnels
                  </NavLink>
                </li>
                {can(agent, 'READ_DASHBOARDS') && (
                  <li className="fr-nav__item">
                    <NavLink className="fr-nav__link" to="/supervision">
                      Supervision
                    </NavLink>
                  </li>
                )}
                {can(agent, 'LAUNCH_RELANCES') && (
                  <li className="fr-nav__item">
                    <NavLink className="fr-nav__link" to="/relances">
                      Relances
                    </NavLink>
                  </li>
                )}
                {(can(agent, 'PLAN_CONTROLS') || can(agent, 'CONDUCT_CONTROLS')) && (
                  <li className="fr-nav__item">
                    <NavLink className="fr-nav__link" to="/controles">
                      Contrôles
                    </NavLink>
                  </li>
                )}
                {can(agent, 'IMPORT_FEEDS') && (
                  <li className="fr-nav__item">
                    <NavLink className="fr-nav__link" to="/imports">
                      Imports
                    </NavLink>
                  </li>
                )}
                {seesAdministration(agent) && (
                  <li className="fr-nav__item">
                    <NavLink className="fr-nav__link" to="/administration">
                      Administration
                    </NavLink>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </div>
      )}
    </header>
  );
}

function NotFound() {
  usePageTitle('Page introuvable');
  return (
    <>
      <h1>Page introuvable</h1>
      <p>
        L’adresse demandée n’existe pas. <NavLink to="/">Revenir à l’accueil</NavLink>
      </p>
    </>
  );
}

/** A page open only to some roles says so instead of failing on its first request. */
function Restricted({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  return allowed ? <>{children}</> : <Forbidden />;
}

function Forbidden() {
  usePageTitle('Accès non autorisé');
  return (
    <>
      <h1>Accès non autorisé</h1>
      <p>Votre rôle ne donne pas accès à cet écran.</p>
    </>
  );
}

/** Moves focus to the main content after each navigation so that screen readers start there. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  useEffect(() => {
    const main = document.getElementById('contenu');
    // A page that put focus in itself (the search box) keeps it.
    const active = document.activeElement;
    if (main && active !== document.body && !main.contains(active)) main.focus({ preventScroll: false });
  }, [pathname]);
}

export function App() {
  const { data, loading, error, refetch } = useMe();
  const agent = data?.me ?? null;
  useFocusOnNavigation();
  if (loading && !data) return <Loading />;
  const unavailable = !agent && error && errorCode(error) !== 'UNAUTHENTICATED';
  return (
    <>
      <div className="fr-skiplinks">
        <nav className="fr-container" role="navigation" aria-label="Accès rapide">
          <ul className="fr-skiplinks__list">
            <li>
              <a className="fr-link" href="#contenu">
                Contenu
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <Header agent={agent} />
      <main className="fr-container mcbo-main" id="contenu" role="main" tabIndex={-1}>
        {unavailable ? (
          <>
            <h1>Service indisponible</h1>
            <ErrorAlert error={error} />
            <button type="button" className="fr-btn" onClick={() => refetch()}>
              Réessayer
            </button>
          </>
        ) : !agent ? (
          <Routes>
            <Route path="*" element={<LoginPage onLoggedIn={() => refetch()} />} />
          </Routes>
        ) : (
          <AgentProvider value={agent}>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Navigate to={landingOf(agent)} replace />} />
                <Route path="/connexion" element={<Navigate to={landingOf(agent)} replace />} />
                <Route
                  path="/justificatifs"
                  element={
                    <Restricted allowed={seesQueue(agent)}>
                      <QueuePage />
                    </Restricted>
                  }
                />
                <Route
                  path="/justificatifs/:id"
                  element={
                    <Restricted allowed={can(agent, 'READ_DOCUMENTS')}>
                      <ReviewPage />
                    </Restricted>
                  }
                />
                <Route path="/professionnels" element={<SearchPage />} />
                <Route path="/professionnels/:id" element={<ProfessionalPage />} />
                <Route
                  path="/supervision"
                  element={
                    <Restricted allowed={can(agent, 'READ_DASHBOARDS')}>
                      <SupervisionPage />
                    </Restricted>
                  }
                />
                <Route
                  path="/relances"
                  element={
                    <Restricted allowed={can(agent, 'LAUNCH_RELANCES')}>
                      <RelancesPage />
                    </Restricted>
                  }
                />
                <Route
                  path="/imports"
                  element={
                    <Restricted allowed={can(agent, 'IMPORT_FEEDS')}>
                      <ImportsPage />
                    </Restricted>
                  }
                />
                <Route
                  path="/controles"
                  element={
                    <Restricted allowed={can(agent, 'READ_CONTROLS')}>
                      <ControlsPage />
                    </Restricted>
                  }
                />
                <Route
                  path="/controles/:id"
                  element={
                    <Restricted allowed={can(agent, 'READ_CONTROLS')}>
                      <ControlCasePage />
                    </Restricted>
                  }
                />
                <Route
                  path="/administration/*"
                  element={
                    <Restricted allowed={seesAdministration(agent)}>
                      <AdminPage />
                    </Restricted>
                  }
                />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </AgentProvider>
        )}
      </main>
      <footer className="fr-footer" role="contentinfo">
        <div className="fr-container">
          <div className="fr-footer__body">
            <div className="fr-footer__brand">
              <MarianneLogo />
            </div>
            <div className="fr-footer__content">
              <p className="fr-footer__content-desc">
                Outil interne des caisses d’assurance maladie : données personnelles de santé, accès tracés.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
