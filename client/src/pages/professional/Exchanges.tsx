import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { CommunicationChannel, CommunicationStatus } from '../../gql/graphql';
import { CONTACT_CHANNEL_LABELS, dateTime } from '../../format';
import { can, useAgent } from '../../session';
import { Badge, Empty, ErrorAlert, Loading, Notice } from '../../ui';

const EXCHANGES = graphql(`
  query ProfessionalExchanges($id: ID!) {
    professional(id: $id) {
      id
      exchanges {
        id
        at
        title
        agent {
          id
          displayName
        }
        contact {
          id
          channel
          subject
          notes
        }
        communication {
          id
          kindLabel
          channel
          status
          subject
          recipientEmail
          lastError
          sentAt
          url
        }
      }
    }
  }
`);

const RESEND = graphql(`
  mutation ResendCommunication($id: ID!) {
    resendCommunication(id: $id) {
      id
      status
    }
  }
`);

export const COMMUNICATION_CHANNEL_LABELS: Record<CommunicationChannel, string> = {
  EMAIL: 'Courriel',
  LETTER: 'Courrier',
};

export const COMMUNICATION_STATUS: Record<CommunicationStatus, { label: string; severity: string }> = {
  QUEUED: { label: 'En file', severity: 'info' },
  SENDING: { label: 'En cours d’envoi', severity: 'info' },
  SENT: { label: 'Envoyé', severity: 'success' },
  FAILED: { label: 'En échec', severity: 'error' },
};

/**
 * « Échanges » of the professional's file, newest first: notices, relances and logged contacts; each
 * message opens as it was sent (rendered e-mail or letter PDF), a failed one can be sent again.
 */
export function Exchanges({ professionalId }: { professionalId: string }) {
  const agent = useAgent();
  const { data, loading, error, refetch } = useQuery(EXCHANGES, { variables: { id: professionalId } });
  const [resend, resending] = useMutation(RESEND);
  const [resent, setResent] = useState<string | null>(null);
  if (loading && !data) return <Loading what="Chargement des échanges…" />;
  if (error && !data) return <ErrorAlert error={error} onRetry={() => refetch()} />;
  const exchanges = data?.professional?.exchanges ?? [];
  if (exchanges.length === 0) return <Empty>Aucun échange : ni notification, ni relance, ni contact consigné.</Empty>;
  const again = async (id: string) => {
    setResent(null);
    const result = await resend({ variables: { id } }).catch(() => null);
    if (result?.data) {
      setResent(id);
      await refetch();
    }
  };
  return (
    <>
      {resending.error && <ErrorAlert error={resending.error} />}
      {resent && <Notice severity="success">Message remis en file d’envoi.</Notice>}
      <div className="fr-table fr-table--bordered">
        <table data-testid="exchanges" tabIndex={0}>
          <caption className="fr-sr-only">Échanges avec le professionnel, le plus récent d’abord</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Échange</th>
              <th scope="col">Canal et statut</th>
              <th scope="col">Objet</th>
              <th scope="col">Agent</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {exchanges.map((x) => {
              const m = x.communication;
              return (
                <tr key={x.id}>
                  <td>{dateTime(x.at)}</td>
                  <td>{m ? m.kindLabel : 'Contact consigné'}</td>
                  <td>
                    {m ? (
                      <>
                        {COMMUNICATION_CHANNEL_LABELS[m.channel]}{' '}
                        <Badge severity={COMMUNICATION_STATUS[m.status].severity}>
                          {COMMUNICATION_STATUS[m.status].label}
                        </Badge>
                        {m.status === 'FAILED' && m.lastError && <p className="mcbo-reason fr-mb-0">{m.lastError}</p>}
                      </>
                    ) : x.contact ? (
                      CONTACT_CHANNEL_LABELS[x.contact.channel]
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <strong>{m?.subject ?? x.contact?.subject}</strong>
                    {x.contact?.notes && <p className="mcbo-reason fr-mb-0">{x.contact.notes}</p>}
                    {m?.recipientEmail && <p className="mcbo-reason fr-mb-0">à {m.recipientEmail}</p>}
                  </td>
                  <td>{x.agent?.displayName ?? (m ? 'envoi automatique' : '—')}</td>
                  <td>
                    {m && (
                      <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                        <li>
                          <a
                            className="fr-btn fr-btn--sm fr-btn--tertiary"
                            href={m.url}
                            target="_blank"
                            rel="noopener"
                            title={`Ouvrir « ${m.subject} » tel qu’envoyé – nouvelle fenêtre`}
                          >
                            Ouvrir
                          </a>
                        </li>
                        {m.status === 'FAILED' && can(agent, 'SEND_COMMUNICATIONS') && (
                          <li>
                            <button
                              type="button"
                              className="fr-btn fr-btn--sm fr-btn--secondary"
                              disabled={resending.loading}
                              onClick={() => void again(m.id)}
                            >
                              Renvoyer
                            </button>
                          </li>
                        )}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
