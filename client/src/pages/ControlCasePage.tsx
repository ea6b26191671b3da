/** One control case: take it, request the pieces (through the outbox), attach what came back, conclude. */
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { agentMessage } from '../errors';
import { PROFESSION_LABELS, dateTime } from '../format';
import { can, useAgent } from '../session';
import { ErrorAlert, Loading, Notice, usePageTitle } from '../ui';
import { CaseHistory, ControlStatusBadge, InduDetails, PiecesList, RequestStatus } from './controls/CaseSections';
import { ConcludeDialog } from './controls/ConcludeDialog';
import { ATTACH, CASE, REQUEST, TAKE, upload, type ControlCase } from './controls/queries';

export function ControlCasePage() {
  const { id = '' } = useParams();
  const agent = useAgent();
  usePageTitle('Dossier de contrôle');
  const { data, loading, error } = useQuery(CASE, { variables: { id } });
  const [take] = useMutation(TAKE);
  const [request] = useMutation(REQUEST);
  const [attach] = useMutation(ATTACH);
  const [file, setFile] = useState<File | null>(null);
  const [dialog, setDialog] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const c = data!.controlCase as ControlCase;
  const conducts = can(agent, 'CONDUCT_CONTROLS');
  const act = async (run: () => Promise<{ __typename: string; message?: string } | null | undefined>) => {
    const r = await run().catch((e: unknown) => ({ __typename: 'Error', message: agentMessage(e) }));
    setMessage(r && r.__typename !== 'ControlCaseUpdated' ? (r.message ?? null) : null);
  };
  return (
    <div className="fr-container fr-my-4w">
      <p>
        <Link to="/controles">← Contrôles a posteriori</Link>
      </p>
      <h1>
        Contrôle n° {c.id} — {c.professional.lastName} {c.professional.firstName}
      </h1>
      <p>
        <ControlStatusBadge status={c.status} label={c.statusLabel} /> {PROFESSION_LABELS[c.professional.profession]},
        caisse {c.professional.caisseCode} · plan « {c.planLabel} » · ouvert le {dateTime(c.openedAt)} · pris en charge
        par {c.assignedTo?.displayName ?? 'personne'} ·{' '}
        <Link to={`/professionnels/${c.professional.id}`}>dossier du professionnel</Link>
      </p>
      {message && <Notice severity="warning">{message}</Notice>}
      <RequestStatus {...c} />
      <h2>Indicateurs contrôlés</h2>
      <ul>
        {c.indicators.map((i) => (
          <li key={i.code}>
            {i.label} ({i.code}){i.finding ? ` — ${i.finding}` : ''}
          </li>
        ))}
      </ul>
      {conducts && (
        <ul className="fr-btns-group fr-btns-group--inline">
          {c.status !== 'CONCLUDED_COMPLIANT' &&
            c.status !== 'CONCLUDED_NON_COMPLIANT' &&
            c.status !== 'NO_RESPONSE' &&
            !c.assignedTo && (
              <li>
                <button
                  className="fr-btn fr-btn--secondary"
                  type="button"
                  onClick={() =>
                    void act(async () => (await take({ variables: { id: c.id, v: c.version } })).data?.takeControlCase)
                  }
                >
                  Prendre en charge
                </button>
              </li>
            )}
          {c.status === 'OPEN' && (
            <li>
              <button
                className="fr-btn"
                type="button"
                onClick={() =>
                  void act(
                    async () => (await request({ variables: { id: c.id, v: c.version } })).data?.requestControlPieces,
                  )
                }
              >
                Demander les pièces (courrier)
              </button>
            </li>
          )}
          {(c.status === 'PIECES_REQUESTED' || c.status === 'PIECES_RECEIVED') && (
            <li>
              <div className="fr-upload-group">
                <label className="fr-label" htmlFor="control-piece">
                  Pièce reçue (PDF, JPEG ou PNG)
                </label>
                <input
                  className="fr-upload"
                  type="file"
                  id="control-piece"
                  accept="application/pdf,image/jpeg,image/png"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </div>
              <button
                className="fr-btn fr-btn--secondary fr-mt-1w"
                type="button"
                disabled={!file}
                onClick={() =>
                  void act(async () => {
                    const fileId = await upload(file!);
                    return (await attach({ variables: { id: c.id, v: c.version, fileId } })).data?.attachControlPiece;
                  })
                }
              >
                Attacher la pièce
              </button>
            </li>
          )}
          {(c.status === 'PIECES_RECEIVED' || (c.status === 'PIECES_REQUESTED' && c.deadlinePassed)) && (
            <li>
              <button className="fr-btn" type="button" onClick={() => setDialog(true)}>
                Conclure…
              </button>
            </li>
          )}
        </ul>
      )}
      <PiecesList pieces={c.pieces} />
      <InduDetails {...c} />
      <CaseHistory history={c.history} />
      <ConcludeDialog
        c={c}
        open={dialog}
        onClose={() => setDialog(false)}
        onDone={(m) => {
          setDialog(false);
          setMessage(m);
        }}
      />
    </div>
  );
}
