import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorCode } from '../errors';
import { SCHEME_LABELS } from '../format';
import { can, useAgent } from '../session';
import { Empty, ErrorAlert, Loading, Tabs, usePageTitle } from '../ui';
import { ProfessionalControls } from './controls/ProfessionalControls';
import { InternalNotes } from './notes/InternalNotes';
import { ContactForm } from './professional/ContactForm';
import { Declaration } from './professional/Declaration';
import { Exchanges } from './professional/Exchanges';
import { Identity } from './professional/Identity';
import { Payments } from './professional/Payments';
import { FILE } from './professional/queries';

/**
 * A professional's file: identity, one tab per campaign, payments, contrôles, exchanges and private
 * notes; the pieces are in professional/.
 */
export function ProfessionalPage() {
  const { id = '' } = useParams();
  const agent = useAgent();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(FILE, { variables: { id } });
  const p = data?.professional;
  usePageTitle(p ? `${p.lastName.toUpperCase()} ${p.firstName}` : 'Dossier du professionnel');
  if (loading && !data) return <Loading />;
  const code = errorCode(error);
  if (!p && (!error || code === 'NOT_FOUND' || code === 'BAD_USER_INPUT'))
    return (
      <>
        <h1>Dossier introuvable</h1>
        <Empty>Ce professionnel n’existe pas ou n’est pas rattaché à votre caisse.</Empty>
        <Link to="/professionnels">Rechercher un professionnel</Link>
      </>
    );
  if (!p)
    return (
      <>
        <h1>Dossier du professionnel</h1>
        <ErrorAlert error={error} />
      </>
    );
  // The campaign tab lives in the address, so that a link or a reload keeps it.
  const campaign = p.campaigns.find((c) => c.id === params.get('campagne')) ?? p.campaigns[0];
  return (
    <>
      <nav className="fr-breadcrumb" aria-label="Vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li>
            <Link className="fr-breadcrumb__link" to="/professionnels">
              Professionnels
            </Link>
          </li>
          <li>
            <a className="fr-breadcrumb__link" aria-current="page">
              {p.lastName.toUpperCase()} {p.firstName}
            </a>
          </li>
        </ol>
      </nav>
      <h1>
        {p.lastName.toUpperCase()} {p.firstName}
      </h1>
      <Identity p={p} />

      <h2>Campagnes</h2>
      {campaign ? (
        <Tabs
          label="Campagnes du professionnel"
          idPrefix="campagne"
          tabs={p.campaigns.map((c) => ({ id: c.id, label: `${SCHEME_LABELS[c.scheme]} ${c.referenceYear}` }))}
          selected={campaign.id}
          onSelect={(campaignId) => setParams({ campagne: campaignId }, { replace: true })}
        >
          <h3 className="fr-h4">{campaign.label}</h3>
          <Declaration
            key={campaign.id}
            id={p.id}
            year={campaign.referenceYear}
            scheme={campaign.scheme}
            label={campaign.label}
          />
        </Tabs>
      ) : (
        <Empty>Aucune campagne ne concerne cette profession.</Empty>
      )}

      <Payments payments={p.payments} />

      {can(agent, 'READ_CONTROLS') && <ProfessionalControls professionalId={p.id} />}

      <h2 className="fr-mt-6w">Échanges</h2>
      {can(agent, 'LOG_CONTACTS') && <ContactForm professionalId={p.id} onDone={() => refetch()} />}
      <Exchanges professionalId={p.id} />

      <InternalNotes professionalId={p.id} />
    </>
  );
}
