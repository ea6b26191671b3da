import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorCode } from '../errors';
import { graphql } from '../gql';
import type { ContactChannel, Scheme } from '../gql/graphql';
import {
  ATTEINTE,
  CHANNEL_LABELS,
  CONTACT_CHANNEL_LABELS,
  DECLARATION_STATUS_LABELS,
  HISTORY_LABELS,
  JUSTIFICATIF_STATUS,
  PAYMENT_KIND_LABELS,
  PAYMENT_STATUS,
  PROFESSION_LABELS,
  REJECTION_LABELS,
  SCHEME_LABELS,
  SOURCE_LABELS,
  euros,
  frenchDate,
} from '../format';
import { InternalNotes } from './notes/InternalNotes';
import { can, useAgent } from '../session';
import { Exchanges } from './professional/Exchanges';
import { ProfessionalControls } from './controls/ProfessionalControls';
import {
  Badge,
  ChartFigure,
  Empty,
  ErrorAlert,
  Loading,
  Notice,
  SelectField,
  Tabs,
  tooltipStyle,
  usePageTitle,
} from '../ui';

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
        reference
        campaign {
          id
          label
          referenceYear
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
        honourAttestation
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
            comment
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
      at
      channel
      subject
      notes
      agent {
        displayName
      }
    }
  }
`);

const CHANNELS = Object.entries(CONTACT_CHANNEL_LABELS) as [ContactChannel, string][];

function Declaration({ id, year, scheme, label }: { id: string; year: number; scheme: Scheme; label: string }) {
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

function ContactForm({ professionalId, onDone }: { professionalId: string; onDone: () => void }) {
  const [channel, setChannel] = useState<ContactChannel>('CALL');
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState(false);
  const [logContact, { loading, error }] = useMutation(LOG_CONTACT);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await logContact({
      variables: { input: { professionalId, channel, subject: subject.trim(), notes: notes.trim() } },
      refetchQueries: ['ProfessionalExchanges'],
    }).catch(() => null);
    if (result?.data) {
      setSubject('');
      setNotes('');
      setDone(true);
      onDone();
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="contact-form-title" className="fr-mb-3w mcbo-panel">
      <h3 id="contact-form-title" className="fr-h6">
        Consigner un échange
      </h3>
      {error && <ErrorAlert error={error} />}
      {done && <Notice severity="success">Échange consigné.</Notice>}
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
  const byYear = new Map<number, number>();
  for (const payment of p.payments)
    if (payment.status !== 'CANCELLED')
      byYear.set(
        payment.campaign.referenceYear,
        (byYear.get(payment.campaign.referenceYear) ?? 0) + payment.amountCents / 100,
      );
  const chart = [...byYear].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year: String(year), amount }));

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
      <div className="mcbo-panel fr-mb-4w">
        <dl className="mcbo-identity">
          <div>
            <dt>Profession</dt>
            <dd>
              {PROFESSION_LABELS[p.profession]}
              {p.specialty ? ` – ${p.specialty}` : ''}
            </dd>
          </div>
          <div>
            <dt>N° AM</dt>
            <dd>{p.amNumber}</dd>
          </div>
          <div>
            <dt>RPPS</dt>
            <dd>{p.rpps ?? '—'}</dd>
          </div>
          <div>
            <dt>ADELI</dt>
            <dd>{p.adeli ?? '—'}</dd>
          </div>
          <div>
            <dt>Caisse de rattachement</dt>
            <dd>
              {p.caisse.name} ({p.caisse.code})
            </dd>
          </div>
          <div>
            <dt>Adresse</dt>
            <dd>
              {p.addressLine}, {p.postalCode} {p.commune}
            </dd>
          </div>
          <div>
            <dt>Installation</dt>
            <dd>{frenchDate(p.installationDate)}</dd>
          </div>
          <div>
            <dt>Déclaration</dt>
            <dd>{p.usesAmelipro ? 'sur amelipro' : 'sur formulaire papier'}</dd>
          </div>
          {(p.email || p.phone) && (
            <div>
              <dt>Contact</dt>
              <dd>{[p.phone, p.email].filter(Boolean).join(' · ')}</dd>
            </div>
          )}
        </dl>
      </div>

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

      <h2 className="fr-mt-6w">Paiements</h2>
      {p.payments.length === 0 ? (
        <Empty>Aucun paiement.</Empty>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-5">
            <ChartFigure
              description={`Montants payés par année : ${chart.map((c) => `${c.year} : ${euros(Math.round(c.amount * 100))}`).join(', ')}.`}
            >
              <ResponsiveContainer>
                <BarChart data={chart} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="year" />
                  <YAxis width={70} tickFormatter={(v: number) => `${v.toLocaleString('fr-FR')} €`} />
                  <Tooltip {...tooltipStyle} formatter={(v) => euros(Math.round(Number(v) * 100))} />
                  {/* No animation: the figures are read at a glance, and a bar caught mid-growth misleads. */}
                  <Bar dataKey="amount" name="Montant payé" fill="#000091" maxBarSize={56} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartFigure>
          </div>
          <div className="fr-col-12 fr-col-lg-7">
            <div className="fr-table fr-table--bordered fr-mt-0">
              <table tabIndex={0}>
                <caption className="fr-sr-only">Historique des paiements, le plus récent d’abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Campagne</th>
                    <th scope="col">Nature</th>
                    <th scope="col">Date</th>
                    <th scope="col" className="mcbo-num">
                      Montant
                    </th>
                    <th scope="col">Statut</th>
                  </tr>
                </thead>
                <tbody>
                  {p.payments.map((payment) => (
                    <tr key={payment.id}>
                      <td>
                        {payment.campaign.label}
                        <p className="mcbo-reason fr-mb-0">Réf. {payment.reference}</p>
                      </td>
                      <td>{PAYMENT_KIND_LABELS[payment.kind]}</td>
                      <td>{frenchDate(payment.paidOn)}</td>
                      <td className="mcbo-num">{euros(payment.amountCents)}</td>
                      <td>
                        <Badge severity={PAYMENT_STATUS[payment.status]!.severity}>
                          {PAYMENT_STATUS[payment.status]!.label}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      )}

      {can(agent, 'READ_CONTROLS') && <ProfessionalControls professionalId={p.id} />}

      <h2 className="fr-mt-6w">Échanges</h2>
      {can(agent, 'LOG_CONTACTS') && <ContactForm professionalId={p.id} onDone={() => refetch()} />}
      <Exchanges professionalId={p.id} />

      <InternalNotes professionalId={p.id} />
    </>
  );
}
