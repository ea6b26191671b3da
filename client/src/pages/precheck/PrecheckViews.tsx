/** The pré-contrôle's pieces of the review screen: its summary, and each checklist item's finding. */
import { Badge } from '../../ui';
import type { FindingData, PrecheckData } from './usePrecheck';

export function PrecheckSummary({ precheck }: { precheck: PrecheckData | null }) {
  if (!precheck) return null;
  const found = precheck.findings.filter((f) => f.status === 'FOUND').length;
  const text = (() => {
    switch (precheck.status) {
      case 'PENDING':
      case 'RUNNING':
        return 'Pré-contrôle en cours de lecture : vous pouvez contrôler la pièce sans attendre.';
      case 'UNREADABLE':
        return `Pré-contrôle : pièce illisible${precheck.confidence !== null && precheck.confidence !== undefined ? ` (confiance de lecture ${precheck.confidence} %)` : ''}. Lisez-la entièrement.`;
      case 'FAILED':
        return 'Pré-contrôle impossible pour cette pièce : lisez-la entièrement.';
      default:
        return `Pré-contrôle : ${found} élément${found > 1 ? 's' : ''} trouvé${found > 1 ? 's' : ''} sur la pièce et pré-coché${found > 1 ? 's' : ''}${precheck.contradictions > 0 ? `, ${precheck.contradictions} contradiction${precheck.contradictions > 1 ? 's' : ''}` : ''}. Vérifiez chaque élément : vous seul décidez.`;
    }
  })();
  const severity =
    precheck.contradictions > 0
      ? 'error'
      : precheck.status === 'DONE'
        ? 'info'
        : precheck.status === 'FAILED' || precheck.status === 'UNREADABLE'
          ? 'warning'
          : 'info';
  return (
    <div
      className={`fr-alert fr-alert--${severity} fr-alert--sm fr-mb-2w`}
      role="status"
      data-testid="precheck-summary"
    >
      <p>{text}</p>
    </div>
  );
}

export function FindingHint({ finding }: { finding: FindingData | null }) {
  if (!finding) return null;
  if (finding.status === 'FOUND')
    return (
      <span className="fr-hint-text">
        <Badge severity="success">Trouvé</Badge> « {finding.snippet} »{finding.reason ? ` – ${finding.reason}` : ''}
      </span>
    );
  if (finding.status === 'CONTRADICTED')
    return (
      <span className="fr-hint-text mcbo-contradiction">
        <Badge severity="error">Contradiction</Badge> {finding.reason}
      </span>
    );
  return (
    <span className="fr-hint-text">
      <Badge severity="new">Non trouvé</Badge> À vérifier sur la pièce.
    </span>
  );
}

export function ShowEvidence({
  finding,
  label,
  onShow,
}: {
  finding: FindingData | null;
  label: string;
  onShow(): void;
}) {
  if (!finding || finding.status === 'NOT_FOUND' || !finding.box) return null;
  return (
    <button type="button" className="fr-link fr-link--sm mcbo-evidence-link" onClick={onShow}>
      Voir sur la pièce (page {finding.page})<span className="fr-sr-only"> : {label}</span>
    </button>
  );
}
