import { lazy, useState } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { can, useAgent } from '../../session';
import { usePageTitle } from '../../ui';

const AgentsAdmin = lazy(() => import('./AgentsAdmin').then((m) => ({ default: m.AgentsAdmin })));
const CatalogueAdmin = lazy(() => import('./CatalogueAdmin').then((m) => ({ default: m.CatalogueAdmin })));
const ExemptionsAdmin = lazy(() => import('./ExemptionsAdmin').then((m) => ({ default: m.ExemptionsAdmin })));
const CampaignsAdmin = lazy(() => import('./CampaignsAdmin').then((m) => ({ default: m.CampaignsAdmin })));

interface Section {
  path: string;
  label: string;
  allowed: boolean;
}

/**
 * The administration section: agents, software catalogue, LAP exemptions (national administrators), and
 * the campaigns' lifecycle (run by national administrators, read by superviseurs).
 */
export function AdminPage() {
  const agent = useAgent();
  usePageTitle('Administration');
  const sections: Section[] = [
    { path: 'campagnes', label: 'Campagnes', allowed: can(agent, 'MANAGE_CAMPAIGNS') || can(agent, 'READ_DASHBOARDS') },
    { path: 'agents', label: 'Agents', allowed: can(agent, 'MANAGE_AGENTS') },
    { path: 'logiciels', label: 'Catalogue des logiciels', allowed: can(agent, 'MANAGE_REFERENTIEL') },
    { path: 'exonerations', label: 'Exonérations LAP', allowed: can(agent, 'MANAGE_REFERENTIEL') },
  ];
  const open = sections.filter((s) => s.allowed);
  // On a phone the DSFR side menu folds behind « Dans cette rubrique » (always shown from 48em).
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-3">
        <nav className="fr-sidemenu" role="navigation" aria-labelledby="admin-menu-title">
          <div className="fr-sidemenu__inner">
            <button
              type="button"
              className="fr-sidemenu__btn"
              aria-controls="admin-menu"
              aria-expanded={menuOpen}
              onClick={() => setMenuOpen(!menuOpen)}
            >
              Dans cette rubrique
            </button>
            <div className={`fr-collapse${menuOpen ? ' fr-collapse--expanded' : ''}`} id="admin-menu">
              <div className="fr-sidemenu__title" id="admin-menu-title">
                Administration
              </div>
              <ul className="fr-sidemenu__list">
                {open.map((s) => (
                  <li key={s.path} className="fr-sidemenu__item">
                    <NavLink
                      className="fr-sidemenu__link"
                      to={`/administration/${s.path}`}
                      onClick={() => setMenuOpen(false)}
                    >
                      {s.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </nav>
      </div>
      <div className="fr-col-12 fr-col-md-9">
        <Routes>
          <Route index element={<Navigate to={open[0] ? open[0].path : 'campagnes'} replace />} />
          {open.some((s) => s.path === 'campagnes') && <Route path="campagnes" element={<CampaignsAdmin />} />}
          {open.some((s) => s.path === 'agents') && <Route path="agents" element={<AgentsAdmin />} />}
          {open.some((s) => s.path === 'logiciels') && <Route path="logiciels" element={<CatalogueAdmin />} />}
          {open.some((s) => s.path === 'exonerations') && <Route path="exonerations" element={<ExemptionsAdmin />} />}
          <Route
            path="*"
            element={
              <>
                <h1>Accès non autorisé</h1>
                <p>Votre rôle ne donne pas accès à cet écran.</p>
              </>
            }
          />
        </Routes>
      </div>
    </div>
  );
}
