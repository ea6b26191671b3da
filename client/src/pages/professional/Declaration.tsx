import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { Scheme } from '../../gql/graphql';
import {
  ATTEINTE,
  CHANNEL_LABELS,
  DECLARATION_STATUS_LABELS,
  HISTORY_LABELS,
  JUSTIFICATIF_STATUS,
  REJECTION_LABELS,
  SOURCE_LABELS,
  euros,
  frenchDate,
} from '../../format';
import { Badge, Empty, ErrorAlert, Loading } from '../../ui';
import { DECLARATION } from './queries';

/** One campaign's declaration: indicators (value, source, atteinte and reason, justificatifs and their history), rémunération line by line, recap PDF. */
export function Declaration({ id, year, scheme, label }: { id: string; year: number; scheme: Scheme; label: string }) {
  const { data, loading, error, refetch } = useQuery(DECLARATION, { variables: { id, year, scheme } });
  if (loading && !data) return <Loading what="Chargement de la déclaration…" />;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const declaration = data?.professional?.declaration;
  const recap = (
    <a
      className="fr-link fr-icon-download-line fr-link--icon-left"
      href={`/api/recap/${id}/${year}/${scheme}`}
      download
    >
      Télécharger le récapitulatif <span className="fr-sr-only">{label}</span> (PDF)
    </a>
  );
  if (!declaration)
    return (
      <>
        <Empty>Aucune déclaration pour cette campagne.</Empty>
        <p>{recap}</p>
      </>
    );
  return (
    <>
      <p>
        Déclaration <strong>{DECLARATION_STATUS_LABELS[declaration.status]}</strong>
        {declaration.transmissionCount > 0 &&
          ` – ${declaration.transmissionCount} transmission${declaration.transmissionCount > 1 ? 's' : ''}, dernière le ${frenchDate(declaration.lastTransmittedAt)}${declaration.lastChannel ? ` (${CHANNEL_LABELS[declaration.lastChannel]})` : ''}`}
        {declaration.honourAttestation ? ' – attestation sur l’honneur signée' : ''}
      </p>
      <p>{recap}</p>
      <div className="fr-table fr-table--bordered">
        <table tabIndex={0}>
          <caption>Indicateurs – {label}</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              <th scope="col">Valeur</th>
              <th scope="col">Atteinte</th>
              <th scope="col">Justificatif</th>
            </tr>
          </thead>
          <tbody>
            {declaration.indicators.map((i) => (
              <tr key={i.indicator.id}>
                <td>
                  {i.indicator.label}
                  {i.validatedMention && (
                    <p className="fr-mt-1v">
                      <Badge severity="success">{i.validatedMention}</Badge>
                    </p>
                  )}
                </td>
                <td>
                  {i.value?.display ?? <em>Non renseignée</em>}
                  {i.source && <p className="mcbo-reason">{SOURCE_LABELS[i.source]}</p>}
                </td>
                <td>
                  <Badge severity={ATTEINTE[i.atteinte.status]!.severity}>{ATTEINTE[i.atteinte.status]!.label}</Badge>
                  <p className="mcbo-reason">{i.atteinte.reason}</p>
                </td>
                <td>
                  <p className="mcbo-reason">{i.justificatifRequired.reason}</p>
                  {i.justificatifs.map((j) => (
                    <div key={j.id} className="fr-mt-1w">
                      <Badge severity={JUSTIFICATIF_STATUS[j.status]!.severity}>
                        {JUSTIFICATIF_STATUS[j.status]!.label}
                      </Badge>{' '}
                      <Link to={`/justificatifs/${j.id}`}>
                        n° {j.id}
                        <span className="fr-sr-only"> – {i.indicator.label}</span>
                      </Link>
                      , reçu le {frenchDate(j.receivedAt)} ({CHANNEL_LABELS[j.channel]})
                      {j.rejectionReasons && j.rejectionReasons.length > 0 && (
                        <p className="mcbo-reason fr-mb-0">
                          Motifs : {j.rejectionReasons.map((r) => REJECTION_LABELS[r]).join(' ; ')}
                        </p>
                      )}
                      {j.comment && <p className="mcbo-reason fr-mb-0">Commentaire : {j.comment}</p>}
                      <ul className="mcbo-reason">
                        {j.history.map((h) => (
                          <li key={h.id}>
                            {frenchDate(h.at)} – {HISTORY_LABELS[h.action] ?? h.action.toLowerCase()}
                            {h.agent ? ` par ${h.agent.displayName}` : ''}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 className="fr-mt-2w">
        Rémunération : {euros(declaration.remuneration.totalCents)}
        {declaration.remuneration.complete ? '' : ' au moins (un montant n’est pas connu)'}
      </h4>
      <div className="fr-table fr-table--bordered">
        <table tabIndex={0}>
          <caption className="fr-sr-only">Détail de la rémunération – {label}</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col" className="mcbo-num">
                Montant
              </th>
              <th scope="col">Motif</th>
            </tr>
          </thead>
          <tbody>
            {declaration.remuneration.lines.map((line, index) => (
              <tr key={index}>
                <td>{line.label}</td>
                <td className="mcbo-num">{line.amountKnown ? euros(line.amountCents) : 'montant non connu'}</td>
                <td className="mcbo-reason">{line.reason}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="mcbo-num">
                <strong>{euros(declaration.remuneration.totalCents)}</strong>
              </td>
              <td className="mcbo-reason">{declaration.remuneration.complete ? '' : 'minimum'}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
