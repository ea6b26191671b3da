import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { Modal, SelectField } from '../../ui';
import type { Holder } from './QueueFilters';

const BULK_ASSIGN = graphql(`
  mutation BulkAssign($pieces: [BulkPieceInput!]!, $agentId: ID) {
    bulkAssignJustificatifs(pieces: $pieces, agentId: $agentId) {
      __typename
      ... on BulkReassigned {
        id
        message
        changed
      }
      ... on BulkAlreadyDecided {
        id
        message
      }
      ... on BulkNotInCaisse {
        id
        message
      }
      ... on BulkStale {
        id
        message
      }
    }
  }
`);

export interface SelectedPiece {
  id: string;
  version: number;
  holder: Holder | null;
  decided: boolean;
  label: string;
}

const RELEASE = 'liberer';
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** What the reassignment will do, said before it is done (the confirmation dialog). */
export function bulkPreview(pieces: SelectedPiece[], target: Holder | null): string[] {
  const lines: string[] = [];
  const decided = pieces.filter((p) => p.decided);
  const pending = pieces.filter((p) => !p.decided);
  const unchanged = pending.filter((p) => (p.holder?.id ?? null) === (target?.id ?? null));
  const moving = pending.filter((p) => !unchanged.includes(p));
  const byHolder = new Map<string, number>();
  for (const p of moving)
    byHolder.set(p.holder?.displayName ?? 'personne', (byHolder.get(p.holder?.displayName ?? 'personne') ?? 0) + 1);
  for (const [from, n] of byHolder) {
    lines.push(
      target
        ? `${plural(n, 'pièce', 'pièces')} ${from === 'personne' ? 'libre' + (n > 1 ? 's' : '') : `prise${n > 1 ? 's' : ''} par ${from}`} → attribuée${n > 1 ? 's' : ''} à ${target.displayName}`
        : `${plural(n, 'pièce', 'pièces')} prise${n > 1 ? 's' : ''} par ${from} → libérée${n > 1 ? 's' : ''} (à traiter par tous)`,
    );
  }
  if (unchanged.length)
    lines.push(
      `${plural(unchanged.length, 'pièce', 'pièces')} déjà dans cet état : inchangée${unchanged.length > 1 ? 's' : ''}`,
    );
  if (decided.length)
    lines.push(
      `${plural(decided.length, 'pièce déjà décidée', 'pièces déjà décidées')} : laissée${decided.length > 1 ? 's' : ''} telle${decided.length > 1 ? 's' : ''} quelle${decided.length > 1 ? 's' : ''}`,
    );
  return lines;
}

/** The superviseur's bar over a selection: reassign to a conseiller or release, after a preview. */
export function BulkActions({
  selected,
  conseillers,
  onDone,
}: {
  selected: SelectedPiece[];
  conseillers: Holder[];
  onDone: () => void;
}) {
  const [targetId, setTargetId] = useState('');
  const [open, setOpen] = useState(false);
  const [run, { data, loading, error, reset }] = useMutation(BULK_ASSIGN);
  const target = targetId === RELEASE ? null : (conseillers.find((c) => c.id === targetId) ?? null);
  const confirm = async () => {
    const result = await run({
      variables: {
        agentId: target?.id ?? null,
        pieces: selected.map((p) => ({ id: p.id, seenVersion: p.version, seenHolderId: p.holder?.id ?? null })),
      },
    }).catch(() => null);
    setOpen(false);
    if (result?.data) onDone();
  };
  const outcomes = data?.bulkAssignJustificatifs ?? [];
  const done = outcomes.filter((o) => o.__typename === 'BulkReassigned').length;
  const labelOf = (id: string) => selected.find((p) => p.id === id)?.label ?? `Justificatif ${id}`;
  return (
    <div className="mcbo-panel fr-mb-2w" role="group" aria-label="Action sur la sélection">
      <p className="fr-mb-1w" aria-live="polite">
        {selected.length === 0
          ? 'Cochez des pièces pour les réattribuer ou les libérer.'
          : `${plural(selected.length, 'pièce sélectionnée', 'pièces sélectionnées')}.`}
      </p>
      <div className="mcbo-inline-form">
        <SelectField
          id="bulk-cible"
          label="Réattribuer à"
          value={targetId}
          allLabel="Choisir…"
          options={[
            [RELEASE, 'Personne : libérer les pièces'] as const,
            ...conseillers.map((c) => [c.id, c.displayName] as const),
          ]}
          onChange={(v) => {
            setTargetId(v ?? '');
            reset();
          }}
        />
        <button
          type="button"
          className="fr-btn"
          disabled={selected.length === 0 || targetId === ''}
          onClick={() => setOpen(true)}
        >
          {target ? 'Réattribuer la sélection…' : 'Libérer la sélection…'}
        </button>
      </div>
      <Modal
        id="bulk-confirmation"
        open={open}
        title={
          target
            ? `Réattribuer ${plural(selected.length, 'pièce', 'pièces')} à ${target.displayName}`
            : `Libérer ${plural(selected.length, 'pièce', 'pièces')}`
        }
        onClose={() => setOpen(false)}
        footer={
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
            <li>
              <button type="button" className="fr-btn" disabled={loading} onClick={() => void confirm()} autoFocus>
                Confirmer
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setOpen(false)}>
                Annuler
              </button>
            </li>
          </ul>
        }
      >
        <p>Conséquences :</p>
        <ul data-testid="bulk-preview">
          {bulkPreview(selected, target).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="fr-text--sm">
          Chaque pièce est traitée à part : une pièce décidée entre-temps est laissée telle quelle.
        </p>
      </Modal>
      {error && (
        <p className="fr-message fr-message--error" role="alert">
          {error.message}
        </p>
      )}
      {outcomes.length > 0 && (
        <div
          className={`fr-alert fr-alert--sm fr-alert--${done === outcomes.length ? 'success' : 'warning'} fr-mt-1w`}
          role="status"
        >
          <p>
            {plural(done, 'pièce traitée', 'pièces traitées')} sur {outcomes.length}.
          </p>
          <ul data-testid="bulk-outcomes">
            {outcomes.map((o) => (
              <li key={o.id}>
                {labelOf(o.id)} : {o.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
