import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { ImportKind, ImportRunStatus } from '../gql/graphql';
import { dateTime, IMPORT_KIND_LABELS, IMPORT_STATUS, integer, seconds } from '../format';
import { Badge, Empty, ErrorAlert, Loading, Notice, SelectField, usePageTitle } from '../ui';

// The fields the list and the detail share; the generated documents include it where it is spread.
graphql(`
  fragment ImportRunFields on ImportRun {
    id
    kind
    fileName
    status
    caisseCode
    startedAt
    finishedAt
    startedBy {
      id
      displayName
    }
    progress
    rowsRead
    rowsPerSecond
    etaSeconds
    inserted
    updated
    unchanged
    rejected
    skipped
    unknown
    absent
    batchesCommitted
    errorMessage
    reportUrl
  }
`);

const IMPORT_RUNS = graphql(`
  query ImportRuns {
    importRuns(first: 20) {
      totalCount
      nodes {
        ...ImportRunFields
      }
    }
  }
`);

const IMPORT_RUN = graphql(`
  query ImportRun($id: ID!) {
    importRun(id: $id) {
      ...ImportRunFields
      rejections {
        line
        column
        reason
      }
    }
  }
`);

const IMPORT_KINDS = graphql(`
  query ImportKinds {
    importKinds {
      kind
      templateCsv
      columns {
        name
        required
      }
    }
  }
`);

const IMPORT_FEED = graphql(`
  mutation ImportFeed($kind: ImportKind!, $fileId: String!) {
    importFeed(kind: $kind, fileId: $fileId) {
      ...ImportRunFields
    }
  }
`);

/** Whole-row errors of the upload endpoint, which answers like the API: a code and a French message. */
class UploadError extends Error {}

async function uploadFeed(file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/imports/files', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-mcbo-csrf': '1' },
    body: form,
  });
  const body = (await response.json().catch(() => null)) as {
    id?: string;
    error?: { message?: string };
  } | null;
  if (!response.ok || !body?.id)
    throw new UploadError(body?.error?.message ?? `Dépôt refusé (HTTP ${response.status}).`);
  return body.id;
}

const KIND_OPTIONS = Object.entries(IMPORT_KIND_LABELS) as [ImportKind, string][];

export function ImportsPage() {
  usePageTitle('Imports de flux');
  const [kind, setKind] = useState<ImportKind>('PROFESSIONALS');
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const runs = useQuery(IMPORT_RUNS);
  const kinds = useQuery(IMPORT_KINDS, { fetchPolicy: 'cache-first' });
  const kindInfo = kinds.data?.importKinds.find((k) => k.kind === kind);
  // Why « Importer » cannot be pressed yet, said beside it (a disabled button alone explains nothing).
  const blocked = sending ? 'Envoi du fichier en cours…' : !file ? 'Choisissez d’abord un fichier à importer.' : null;
  const [importFeed] = useMutation(IMPORT_FEED);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setSending(true);
    setFailure(null);
    try {
      const fileId = await uploadFeed(file);
      const started = await importFeed({ variables: { kind, fileId } });
      const id = started.data?.importFeed.id;
      if (id) setRunId(id);
      await runs.refetch();
    } catch (error) {
      setFailure(error instanceof UploadError ? new Error(error.message) : error);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <h1>Imports de flux</h1>
      <p className="fr-text--sm">
        Fichiers CSV en UTF-8, séparateur « ; », avec une ligne d’en-tête. Les lignes invalides sont écartées avec leur
        motif sans arrêter les autres ; importer deux fois le même fichier ne change rien la seconde fois.
      </p>
      <form onSubmit={submit} className="mcbo-import-form" aria-describedby="import-aide">
        <SelectField
          id="import-kind"
          label="Type de flux"
          value={kind}
          options={KIND_OPTIONS}
          onChange={(value) => value && setKind(value as ImportKind)}
        />
        <div className="fr-upload-group fr-my-2w">
          <label className="fr-label" htmlFor="import-file">
            Fichier CSV, texte ou zip
            <span className="fr-hint-text" id="import-aide">
              200 Mo au plus. Les colonnes de chaque type sont décrites dans la documentation des imports. L’extrait
              Annuaire Santé se dépose tel que publié (zip ou texte).
            </span>
          </label>
          <input
            className="fr-upload"
            type="file"
            id="import-file"
            accept=".csv,.txt,.zip,text/csv,text/plain,application/zip"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {kindInfo && <KindColumns kind={kind} info={kindInfo} />}
        <button
          type="submit"
          className="fr-btn fr-icon-upload-line fr-btn--icon-left"
          disabled={blocked !== null}
          aria-describedby="import-bloque"
        >
          {sending ? 'Envoi…' : 'Importer'}
        </button>
        <p className="mcbo-reason fr-mt-1w" id="import-bloque" aria-live="polite">
          {blocked ?? 'Prêt : le fichier sera importé en arrière-plan, la progression s’affiche ci-dessous.'}
        </p>
      </form>
      {failure !== null && <ErrorAlert error={failure} />}
      {runId && <RunProgress id={runId} onFinished={() => void runs.refetch()} />}

      <h2 className="fr-mt-6w">Derniers imports</h2>
      {runs.loading && !runs.data ? (
        <Loading />
      ) : runs.error ? (
        <ErrorAlert error={runs.error} />
      ) : !runs.data?.importRuns.nodes.length ? (
        <Empty>Aucun import dans votre périmètre.</Empty>
      ) : (
        <div className="fr-table fr-table--no-caption">
          <table tabIndex={0}>
            <caption>Derniers imports</caption>
            <thead>
              <tr>
                <th scope="col">Démarré le</th>
                <th scope="col">Type</th>
                <th scope="col">Fichier</th>
                <th scope="col">Lancé par</th>
                <th scope="col">Statut</th>
                <th scope="col">Lues</th>
                <th scope="col">Insérées</th>
                <th scope="col">Mises à jour</th>
                <th scope="col">Inchangées</th>
                <th scope="col">Rejetées</th>
                <th scope="col">Rapport</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.importRuns.nodes.map((run) => {
                return (
                  <tr key={run.id}>
                    <td>{dateTime(run.startedAt)}</td>
                    <td>{IMPORT_KIND_LABELS[run.kind]}</td>
                    <td>
                      <button type="button" className="fr-link" onClick={() => setRunId(run.id)}>
                        {run.fileName}
                      </button>
                    </td>
                    <td>{run.startedBy?.displayName ?? 'ligne de commande'}</td>
                    <td>
                      <StatusBadge status={run.status} />
                    </td>
                    <td>{integer(run.rowsRead)}</td>
                    <td>{integer(run.inserted)}</td>
                    <td>{integer(run.updated)}</td>
                    <td>{integer(run.unchanged)}</td>
                    <td>{integer(run.rejected)}</td>
                    <td>
                      {run.reportUrl ? (
                        <a className="fr-link" href={run.reportUrl} download>
                          Télécharger
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The chosen kind's columns, its template file, and where the full documentation is. */
function KindColumns({
  kind,
  info,
}: {
  kind: ImportKind;
  info: { templateCsv?: string | null; columns: { name: string; required: boolean }[] };
}) {
  const template = info.templateCsv ? `data:text/csv;charset=utf-8,${encodeURIComponent(info.templateCsv)}` : null;
  return (
    <div className="fr-mb-2w" data-testid="import-columns">
      <p className="fr-mb-1w">
        Colonnes de « {IMPORT_KIND_LABELS[kind]} » (obligatoires en gras) :{' '}
        {info.columns.map((c, i) => (
          <span key={c.name}>
            {i > 0 && ', '}
            {c.required ? <strong>{c.name}</strong> : c.name}
          </span>
        ))}
        .
      </p>
      <p className="fr-mb-0">
        {template ? (
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left"
            href={template}
            download={`modele-${kind.toLowerCase().replace(/_/g, '-')}.csv`}
          >
            Télécharger le modèle CSV (ligne d’en-tête)
          </a>
        ) : (
          <span className="mcbo-reason">Pas de modèle : l’extrait se dépose tel que publié.</span>
        )}{' '}
        <span className="mcbo-reason">
          Documentation complète : fichier docs/imports.md de l’application (formats, contrôles, rapport de rejets).
        </span>
      </p>
    </div>
  );
}

function StatusBadge({ status }: { status: ImportRunStatus }) {
  const { label, severity } = IMPORT_STATUS[status];
  return <Badge severity={severity}>{label}</Badge>;
}

/** One run, polled every second while it goes on. */
function RunProgress({ id, onFinished }: { id: string; onFinished: () => void }) {
  const [notified, setNotified] = useState<string | null>(null);
  const { data, error } = useQuery(IMPORT_RUN, { variables: { id }, pollInterval: 1000 });
  const run = data?.importRun;
  const finished = !!run && run.status !== 'RUNNING';
  // The list of runs is refreshed once, when this run ends.
  useEffect(() => {
    if (finished && notified !== id) {
      setNotified(id);
      onFinished();
    }
  }, [finished, notified, id, onFinished]);
  if (error) return <ErrorAlert error={error} />;
  if (!run) return <Loading what="Démarrage de l’import…" />;
  const running = !finished;
  return (
    <section
      className="fr-mt-4w mcbo-import-run"
      data-run-id={run.id}
      aria-labelledby="import-en-cours"
      aria-live="polite"
    >
      <h2 id="import-en-cours">
        {IMPORT_KIND_LABELS[run.kind]} — {run.fileName} <StatusBadge status={run.status} />
      </h2>
      <progress max={1} value={run.progress} aria-label="Part du fichier lue">
        {Math.round(run.progress * 100)} %
      </progress>
      <p data-testid="import-progress">
        {Math.round(run.progress * 100)} % — {integer(run.rowsRead)} lignes lues, {integer(run.rowsPerSecond)} lignes/s
        {running && run.etaSeconds !== null ? `, reste environ ${seconds(run.etaSeconds)}` : ''}.
      </p>
      <p data-testid="import-summary">
        Insérées : {integer(run.inserted)} · mises à jour : {integer(run.updated)} · inchangées :{' '}
        {integer(run.unchanged)} · rejetées : {integer(run.rejected)}
        {run.skipped > 0
          ? ` · hors champ (autre profession, activité salariée, site secondaire) : ${integer(run.skipped)}`
          : ''}
      </p>
      {(run.unknown > 0 || run.absent > 0) && (
        <p data-testid="import-directory">
          Professionnels inconnus du répertoire : {integer(run.unknown)} · connus mais absents du fichier :{' '}
          {integer(run.absent)} (listés dans le rapport ; aucun n’est créé ni supprimé).
        </p>
      )}
      {run.errorMessage && <Notice severity="error">{run.errorMessage}</Notice>}
      {run.reportUrl && (
        <p>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={run.reportUrl} download>
            {run.kind === 'ANNUAIRE_SANTE'
              ? 'Télécharger le rapport (lignes rejetées, professionnels inconnus ou absents)'
              : 'Télécharger le rapport des lignes rejetées'}
          </a>
        </p>
      )}
      {run.rejections.length > 0 && (
        <div className="fr-table">
          <table tabIndex={0}>
            <caption>
              Lignes rejetées
              {run.rejected > run.rejections.length ? ` (les ${run.rejections.length} premières)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Colonne</th>
                <th scope="col">Motif</th>
              </tr>
            </thead>
            <tbody>
              {run.rejections.map((r) => (
                <tr key={`${r.line}-${r.column ?? ''}`}>
                  <td>{r.line}</td>
                  <td>{r.column ?? '(ligne)'}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
