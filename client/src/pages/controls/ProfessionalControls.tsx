/** The « Contrôles a posteriori » section of the professional's file: each case, its conclusion and its indu. */
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { dateTime } from '../../format';
import { Empty, ErrorAlert, Loading } from '../../ui';
import { ControlStatusBadge, InduDetails } from './CaseSections';

const CONTROLS = graphql(`
  query ProfessionalControls($id: ID!) {
    professional(id: $id) {
      id
      controls {
        id
        status
        statusLabel
        openedAt
        concludedAt
        planLabel
        campaign {
          id
          label
        }
        indicators {
          code
          label
          finding
        }
        induCents
        induReason
        induLines {
          label
          paidCents
          dueCents
          induCents
          reason
        }
      }
    }
  }
`);

export function ProfessionalControls({ professionalId }: { professionalId: string }) {
  const { data, loading, error } = useQuery(CONTROLS, { variables: { id: professionalId } });
  const controls = data?.professional?.controls;
  return (
    <>
      <h2 className="fr-mt-6w">Contrôles a posteriori</h2>
      {loading && !data && <Loading />}
      {error && <ErrorAlert error={error} />}
      {controls && controls.length === 0 && <Empty>Aucun contrôle a posteriori.</Empty>}
      {controls?.map((c) => (
        <div className="fr-card fr-p-3w fr-mb-3w" key={c.id}>
          <h3 className="fr-h6">
            <Link to={`/controles/${c.id}`}>
              Contrôle n° {c.id} — {c.campaign.label}
            </Link>{' '}
            <ControlStatusBadge status={c.status} label={c.statusLabel} />
          </h3>
          <p>
            Plan « {c.planLabel} », ouvert le {dateTime(c.openedAt)}
            {c.concludedAt ? `, conclu le ${dateTime(c.concludedAt)}` : ''}.
          </p>
          <ul>
            {c.indicators.map((i) => (
              <li key={i.code}>
                {i.label}
                {i.finding ? ` — ${i.finding}` : ''}
              </li>
            ))}
          </ul>
          <InduDetails {...c} level={3} caption={`Indu du contrôle n° ${c.id}, par ligne de rémunération`} />
        </div>
      ))}
    </>
  );
}
