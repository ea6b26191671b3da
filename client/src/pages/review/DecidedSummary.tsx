import { HISTORY_LABELS, JUSTIFICATIF_STATUS, REJECTION_LABELS, frenchDate } from '../../format';
import { Notice } from '../../ui';
import type { Loaded } from './queries';

/** A piece that is not for this agent to decide: who decided it and how, or who holds it. */
export function DecidedSummary({ j, heldByColleague }: { j: Loaded; heldByColleague: boolean }) {
  if (j.status === 'RECEIVED')
    return (
      <Notice severity="info">
        {heldByColleague
          ? `Pris en charge par ${j.assignedTo?.displayName} : lecture seule.`
          : 'Votre rôle permet de consulter ce justificatif, pas de le décider.'}
      </Notice>
    );
  return (
    <div className="fr-mb-2w">
      <p>
        <strong>{JUSTIFICATIF_STATUS[j.status]!.label}</strong>
        {j.decidedBy ? ` par ${j.decidedBy.displayName}` : ''}
        {j.decidedAt ? ` le ${frenchDate(j.decidedAt)}` : ''}.
      </p>
      {j.rejectionReasons && j.rejectionReasons.length > 0 && (
        <>
          <p className="fr-mb-1v">Motifs de rejet :</p>
          <ul>
            {j.rejectionReasons.map((r) => (
              <li key={r}>{REJECTION_LABELS[r]}</li>
            ))}
          </ul>
        </>
      )}
      {j.comment && <p className="mcbo-reason">Commentaire : {j.comment}</p>}
      {j.checklist && j.checklist.length > 0 && (
        <>
          <p className="fr-mb-1v">Éléments constatés :</p>
          <ul>
            {j.checklist.map((entry) => (
              <li key={entry.code}>
                {j.indicator.checklist.find((item) => item.code === entry.code)?.label ?? entry.code} :{' '}
                {entry.checked ? 'oui' : 'non'}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function History({ entries }: { entries: Loaded['history'] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h3 className="fr-h6 fr-mt-3w">Historique</h3>
      <ul className="mcbo-reason">
        {entries.map((h) => (
          <li key={h.id}>
            {frenchDate(h.at)} – {HISTORY_LABELS[h.action] ?? h.action.toLowerCase()}
            {h.agent ? ` par ${h.agent.displayName}` : ''}
            {h.reasons && h.reasons.length > 0 ? ` (${h.reasons.map((r) => REJECTION_LABELS[r]).join(' ; ')})` : ''}
            {h.comment && (h.action === 'REOPENED' || h.action === 'REVERSED') ? ` – motif : « ${h.comment} »` : ''}
            {h.comment && h.action === 'OPINION_ASKED' ? ` – question : « ${h.comment} »` : ''}
            {h.comment && h.action === 'OPINION_ANSWERED' ? ` – réponse : « ${h.comment} »` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
