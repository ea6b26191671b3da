import { useMutation } from '@apollo/client/react';
import { Navigate, NavLink, Route, Routes, useNavigate } from 'react-router';
import { graphql } from './gql';
import { ROLE_LABELS } from './format';
import { LoginPage } from './pages/LoginPage';
import { ProfessionalPage } from './pages/ProfessionalPage';
import { QueuePage } from './pages/QueuePage';
import { ReviewPage } from './pages/ReviewPage';
import { SearchPage } from './pages/SearchPage';
import { SupervisionPage } from './pages/SupervisionPage';
import { AgentProvider, can, useMe, type CurrentAgent } from './session';
import { Loading, MarianneLogo } from './ui';

const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

export function landingOf(agent: CurrentAgent): string {
  if (agent.role === 'CONSEILLER') return '/justificatifs';
  if (agent.role === 'DAM') return '/professionnels';
  return '/supervision';
}

function Header({ agent }: { agent: CurrentAgent | null }) {
  const [logout] = useMutation(LOGOUT);
  const navigate = useNavigate();
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
              </div>
              <div className="fr-header__service">
                <NavLink to="/" title="Accueil — Ma Convention, back office CPAM">
                  <p className="fr-header__service-title">Ma Convention — back office CPAM</p>
                </NavLink>
                <p className="fr-header__service-tagline">Indicateurs, justificatifs et rémunérations</p>
              </div>
            </div>
            {agent && (
              <div className="fr-header__tools">
                <div className="fr-header__tools-links">
                  <ul className="fr-btns-group">
                    <li>
                      <span className="fr-btn fr-icon-account-circle-line" aria-label="Agent connecté">
                        {agent.displayName} — {ROLE_LABELS[agent.role]} — caisse {agent.caisseCode}
                        {agent.nationalScope ? ' (national)' : ''}
                      </span>
                    </li>
                    <li>
                      <button
                        className="fr-btn fr-icon-logout-box-r-line"
                        onClick={async () => {
                          await logout().catch(() => undefined);
                          navigate('/connexion');
                          window.location.reload();
                        }}
                      >
                        Se déconnecter
                      </button>
                    </li>
                  </ul>
                </div>
              </div>
            )}
          </div>
        </div>
      </div>
      {agent && (
        <div className="fr-header__menu">
          <div className="fr-container">
            <nav className="fr-nav" role="navigation" aria-label="Menu principal">
              <ul className="fr-nav__list">
                {can(agent, 'READ_DOCUMENTS') && agent.role === 'CONSEILLER' && (
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
              </ul>
            </nav>
          </div>
        </div>
      )}
    </header>
  );
}

export function App() {
  const { data, loading, refetch } = useMe();
  const agent = data?.me ?? null;
  if (loading && !data) return <Loading />;
  return (
    <>
      <Header agent={agent} />
      <main className="fr-container mcbo-main" id="contenu" role="main">
        {!agent ? (
          <Routes>
            <Route path="*" element={<LoginPage onLoggedIn={() => refetch()} />} />
          </Routes>
        ) : (
          <AgentProvider value={agent}>
            <Routes>
              <Route path="/" element={<Navigate to={landingOf(agent)} replace />} />
              <Route path="/connexion" element={<Navigate to={landingOf(agent)} replace />} />
              <Route path="/justificatifs" element={<QueuePage />} />
              <Route path="/justificatifs/:id" element={<ReviewPage />} />
              <Route path="/professionnels" element={<SearchPage />} />
              <Route path="/professionnels/:id" element={<ProfessionalPage />} />
              <Route path="/supervision" element={<SupervisionPage />} />
              <Route path="*" element={<p>Page introuvable.</p>} />
            </Routes>
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
