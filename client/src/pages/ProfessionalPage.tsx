import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../gql';
import type { ContactChannel, Scheme } from '../gql/graphql';
import {
  ATTEINTE,
  JUSTIFICATIF_STATUS,
  PROFESSION_LABELS,
  SCHEME_LABELS,
  SOURCE_LABELS,
  euros,
  frenchDate,
} from '../format';
import { can, useAgent } from '../session';
import { Badge, Empty, ErrorAlert, Loading, Notice, SelectField } from '../ui';

const FILE = graphql(`
  query ProfessionalFile($id: ID!) {
    professional(id: $id) {
      id
      lastName
      firstName
      profession
      specialty
      amNumber
      rpps
      adeli
      addressLine
      postalCode
      commune
      usesAmelipro
      email
      phone
      installationDate
      caisse {
        code
        name
      }
      campaigns {
        id
        referenceYear
        scheme
        label
        status
      }
      payments {
        id
        kind
        amountCents
        paidOn
        status
        campaign {
          label
          referenceYear
        }
      }
      contacts {
        id
        at
        channel
        subject
        notes
        agent {
          displayName
        }
      }
    }
  }
`);

const DECLARATION = graphql(`
  query ProfessionalDeclaration($id: ID!, $year: Int!, $scheme: Scheme!) {
    professional(id: $id) {
      id
      declaration(campaignYear: $year, scheme: $scheme) {
        id
        status
        transmissionCount
        lastTransmittedAt
        lastChannel
        indicators {
          indicator {
            id
            code
            label
            group
          }
          value {
            display
          }
          source
          atteinte {
            status
            reason
          }
          justificatifRequired {
            required
            reason
            controlAPosteriori
          }
          validatedMention
          justificatifs {
            id
            status
            receivedAt
            channel
            rejectionReasons
            history {
              id
              action
              at
              agent {
                displayName
              }
            }
          }
        }
        remuneration {
          totalCents
          complete
          lines {
            label
            amountCents
            amountKnown
            reason
          }
        }
      }
    }
  }
`);

const LOG_CONTACT = graphql(`
  mutation LogContact($input: ContactInput!) {
    logContact(input: $input) {
      id
    }
  }
`);

const CHANNELS: [ContactChannel, string][] = [
  ['CALL', 'Appel'],
  ['VISIT', 'Visite'],
  ['EMAIL', 'Courriel'],
];

function Declaration({ id, year, scheme }: { id: string; year: number; scheme: Scheme }) {
  const { data, loading, error } = useQuery(DECLARATION, { variables: { id, year, scheme } });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const declaration = data?.professional?.declaration;
  if (!declaration) return <Empty>Aucune déclaration pour cette campagne.</Empty>;
  return (
    <>
      <p>
        Déclaration :{' '}
        <strong>
          {declaration.status === 'TRANSMITTED'
            ? 'transmise'
            : declaration.status === 'STARTED'
              ? 'commencée'
              : 'non commencée'}
        </strong>
        {declaration.transmissionCount > 0 &&
          ` — ${declaration.transmissionCount} transmission(s), dernière le ${frenchDate(declaration.lastTransmittedAt)}${declaration.lastChannel === 'PAPER' ? ' (formulaire papier)' : ''}`}
        {' — '}
        <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`/api/recap/${id}/${year}/${scheme}`}>
          Récapitulatif PDF
        </a>
      </p>
      <div className="fr-table">
        <table>
          <caption>Indicateurs</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              <th scope="col">Valeur</th>
              <th scope="col">Atteinte</th>
              <th scope="col">Justificatifs</th>
            </tr>
          </thead>
          <tbody>
            {declaration.indicators.map((i) => (
              <tr key={i.indicator.id}>
                <td>
                  {i.indicator.label}
                  {i.validatedMention && (
                    <p className="fr-badge fr-badge--sm fr-badge--success fr-mt-1v">{i.validatedMention}</p>
                  )}
                </td>
                <td>
                  {i.value?.display ?? <em>Non déclaré</em>}
                  {i.source && <p className="mcbo-reason">{SOURCE_LABELS[i.source]}</p>}
                </td>
                <td>
                  <Badge severity={ATTEINTE[i.atteinte.status]!.severity}>{ATTEINTE[i.atteinte.status]!.label}</Badge>
                  <p className="mcbo-reason">{i.atteinte.reason}</p>
                </td>
                <td>
                  <p className="mcbo-reason">{i.justificatifRequired.reason}</p>
                  {i.justificatifs.map((j) => (
                    <div key={j.id}>
                      <Badge severity={JUSTIFICATIF_STATUS[j.status]!.severity}>
                        {JUSTIFICATIF_STATUS[j.status]!.label}
                      </Badge>{' '}
                      reçu le {frenchDate(j.receivedAt)}
                      <ul className="mcbo-reason">
                        {j.history.map((h) => (
                          <li key={h.id}>
                            {frenchDate(h.at)} — {h.action.toLowerCase()}
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
      <h3>
        Rémunération : {euros(declaration.remuneration.totalCents)}
        {declaration.remuneration.complete ? '' : ' (au moins)'}
      </h3>
      <div className="fr-table">
        <table>
          <caption>Détail de la rémunération</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Montant</th>
              <th scope="col">Motif</th>
            </tr>
          </thead>
          <tbody>
            {declaration.remuneration.lines.map((line, index) => (
              <tr key={index}>
                <td>{line.label}</td>
                <td>{line.amountKnown ? euros(line.amountCents) : 'montant non connu'}</td>
                <td className="mcbo-reason">{line.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ContactForm({ professionalId, onDone }: { professionalId: string; onDone: () => void }) {
  const [channel, setChannel] = useState<ContactChannel>('CALL');
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [logContact, { loading, error, data }] = useMutation(LOG_CONTACT);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await logContact({ variables: { input: { professionalId, channel, subject, notes } } }).catch(
      () => null,
    );
    if (result?.data) {
      setSubject('');
      setNotes('');
      onDone();
    }
  };
  return (
    <form onSubmit={submit} aria-label="Consigner un échange" className="fr-mb-3w">
      {error && <ErrorAlert error={error} />}
      {data && <Notice severity="success">Échange consigné.</Notice>}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <SelectField
            id="channel"
            label="Canal"
            value={channel}
            options={CHANNELS}
            onChange={(v) => setChannel((v ?? 'CALL') as ContactChannel)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-9">
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="subject">
              Objet
            </label>
            <input
              className="fr-input"
              id="subject"
              required
              maxLength={200}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          </div>
        </div>
      </div>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="notes">
          Notes
        </label>
        <textarea
          className="fr-input"
          id="notes"
          rows={3}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <button className="fr-btn" type="submit" disabled={loading}>
        Consigner l’échange
      </button>
    </form>
  );
}

export function ProfessionalPage() {
  const { id = '' } = useParams();
  const agent = useAgent();
  const { data, loading, error, refetch } = useQuery(FILE, { variables: { id } });
  const [selected, setSelected] = useState<string | null>(null);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const p = data?.professional;
  if (!p) return <Empty>Professionnel introuvable.</Empty>;
  const campaign = p.campaigns.find((c) => c.id === selected) ?? p.campaigns[0];
  const byYear = new Map<number, number>();
  for (const payment of p.payments)
    byYear.set(
      payment.campaign.referenceYear,
      (byYear.get(payment.campaign.referenceYear) ?? 0) + payment.amountCents / 100,
    );
  const chart = [...byYear].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year: String(year), amount }));

  return (
    <>
      <h1>
        {p.lastName.toUpperCase()} {p.firstName}
      </h1>
      <p>
        {PROFESSION_LABELS[p.profession]}
        {p.specialty ? ` — ${p.specialty}` : ''} · N° AM {p.amNumber}
        {p.rpps ? ` · RPPS ${p.rpps}` : ''}
        {p.adeli ? ` · ADELI ${p.adeli}` : ''}
      </p>
      <p className="mcbo-reason">
        {p.addressLine}, {p.postalCode} {p.commune} · {p.caisse.name} ({p.caisse.code}) · installé le{' '}
        {frenchDate(p.installationDate)}
        {p.usesAmelipro ? '' : ' · déclare sur formulaire papier'}
      </p>

      <h2>Campagnes</h2>
      <div className="fr-tabs">
        <ul className="fr-tabs__list" role="tablist" aria-label="Campagnes">
          {p.campaigns.map((c) => (
            <li key={c.id} role="presentation">
              <button
                className="fr-tabs__tab"
                role="tab"
                id={`tab-${c.id}`}
                aria-selected={c.id === campaign?.id}
                aria-controls="panel-campaign"
                tabIndex={c.id === campaign?.id ? 0 : -1}
                onClick={() => setSelected(c.id)}
              >
                {SCHEME_LABELS[c.scheme]} {c.referenceYear}
              </button>
            </li>
          ))}
        </ul>
        <div
          className="fr-tabs__panel fr-tabs__panel--selected"
          role="tabpanel"
          id="panel-campaign"
          aria-labelledby={campaign ? `tab-${campaign.id}` : undefined}
        >
          {campaign ? (
            <>
              <h3>{campaign.label}</h3>
              <Declaration id={p.id} year={campaign.referenceYear} scheme={campaign.scheme} />
            </>
          ) : (
            <Empty>Aucune campagne ne concerne cette profession.</Empty>
          )}
        </div>
      </div>

      <h2 className="fr-mt-4w">Paiements</h2>
      {p.payments.length === 0 ? (
        <Empty>Aucun paiement.</Empty>
      ) : (
        <>
          <div style={{ width: '100%', height: 200 }} aria-hidden="true">
            <ResponsiveContainer>
              <BarChart data={chart}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="year" />
                <YAxis />
                <Tooltip formatter={(v) => `${Number(v).toLocaleString('fr-FR')} €`} />
                <Bar dataKey="amount" name="Montant payé" fill="#000091" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="fr-table">
            <table>
              <caption>Historique des paiements</caption>
              <thead>
                <tr>
                  <th scope="col">Campagne</th>
                  <th scope="col">Nature</th>
                  <th scope="col">Date</th>
                  <th scope="col">Montant</th>
                </tr>
              </thead>
              <tbody>
                {p.payments.map((payment) => (
                  <tr key={payment.id}>
                    <td>{payment.campaign.label}</td>
                    <td>{payment.kind === 'INITIAL' ? 'Paiement initial' : 'Régularisation'}</td>
                    <td>{frenchDate(payment.paidOn)}</td>
                    <td>{euros(payment.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2 className="fr-mt-4w">Échanges</h2>
      {can(agent, 'LOG_CONTACTS') && <ContactForm professionalId={p.id} onDone={() => refetch()} />}
      {p.contacts.length === 0 ? (
        <Empty>Aucun échange consigné.</Empty>
      ) : (
        <ul>
          {p.contacts.map((c) => (
            <li key={c.id}>
              <strong>{frenchDate(c.at)}</strong> — {CHANNELS.find(([v]) => v === c.channel)?.[1]} — {c.subject}
              {c.agent ? ` (${c.agent.displayName})` : ''}
              {c.notes && <p className="mcbo-reason">{c.notes}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
