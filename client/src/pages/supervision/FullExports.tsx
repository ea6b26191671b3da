/** Whole files streamed by the server, beyond the tables shown: one row per piece or per professional. */
export function FullExports({ query }: { query: Record<string, string | null> }) {
  const url = (what: string, keys: string[]) => {
    const params = new URLSearchParams();
    for (const key of keys) if (query[key]) params.set(key, query[key]!);
    return `/api/exports/${what}?${params.toString()}`;
  };
  const links: [string, string][] = [
    [url('justificatifs', ['campaignYear', 'scheme', 'caisseCode', 'profession']), 'Justificatifs en attente'],
    [url('progress', ['campaignYear', 'scheme', 'caisseCode', 'profession']), 'Avancement de la campagne'],
    [url('remunerations', ['campaignYear', 'scheme', 'caisseCode']), 'Rémunérations par professionnel'],
  ];
  return (
    <section className="fr-mt-6w" aria-labelledby="fichiers-complets">
      <h2 id="fichiers-complets">Fichiers complets</h2>
      <p className="fr-text--sm">Produits par le serveur sur tout le périmètre choisi (CSV, séparateur « ; »).</p>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={href} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
