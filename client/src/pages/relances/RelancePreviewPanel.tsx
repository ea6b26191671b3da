import { integer } from '../../format';
import type { PreviewRelanceQuery } from '../../gql/graphql';

type Preview = PreviewRelanceQuery['previewRelance'];

/** What a launch would do: counts by channel, three rendered samples, who is excluded and why. */
export function RelancePreviewPanel({ preview: p, onLaunch }: { preview: Preview; onLaunch: () => void }) {
  return (
    <section className="mcbo-panel fr-mb-4w" aria-labelledby="relance-preview-title" data-testid="relance-preview">
      <h2 id="relance-preview-title" className="fr-h5">
        Aperçu de la relance
      </h2>
      <dl className="mcbo-identity">
        <div>
          <dt>Professionnels relancés</dt>
          <dd>{integer(p.targetCount)}</dd>
        </div>
        <div>
          <dt>Par courriel</dt>
          <dd>{integer(p.emailCount)}</dd>
        </div>
        <div>
          <dt>Par courrier</dt>
          <dd>{integer(p.letterCount)}</dd>
        </div>
        <div>
          <dt>Adresse inconnue</dt>
          <dd>{integer(p.unknownAddressCount)}</dd>
        </div>
        <div>
          <dt>Exclus (même relance récente)</dt>
          <dd>{integer(p.excludedCount)}</dd>
        </div>
        <div>
          <dt>Caisses</dt>
          <dd>{p.caisseCodes.join(', ')}</dd>
        </div>
      </dl>
      {p.excludedCount > 0 && (
        <details className="fr-mb-2w">
          <summary>Professionnels exclus (relance du même type trop récente)</summary>
          <ul>
            {p.excludedNames.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          {p.excludedCount > p.excludedNames.length && (
            <p className="fr-text--sm">… et {integer(p.excludedCount - p.excludedNames.length)} autres.</p>
          )}
        </details>
      )}
      {p.samples.length > 0 && (
        <>
          <h3 className="fr-h6">Exemples de messages</h3>
          {p.samples.map((s, i) => (
            <article key={i} className="fr-mb-2w" aria-label={`Exemple ${i + 1} : ${s.professionalName}`}>
              <p className="fr-mb-1v">
                <strong>{s.professionalName}</strong> –{' '}
                {s.channel === 'EMAIL' ? 'courriel' : s.channel === 'LETTER' ? 'courrier' : 'adresse inconnue'}
              </p>
              <p className="fr-mb-1v">Objet : {s.subject}</p>
              <div className="mcbo-message-body" tabIndex={0} aria-label={`Texte du message à ${s.professionalName}`}>
                {s.body}
              </div>
            </article>
          ))}
        </>
      )}
      {p.targetCount === 0 ? (
        <p className="fr-mb-0">Personne à relancer pour ces critères : rien ne sera envoyé.</p>
      ) : (
        <button type="button" className="fr-btn" onClick={onLaunch}>
          Lancer la relance ({integer(p.targetCount)} messages)
        </button>
      )}
    </section>
  );
}
