import { Link } from 'react-router';

/**
 * DSFR pagination over a keyset list: the first, previous, next and last pages are links (the
 * cursors are in their URLs); the page numbers say where the agent stands, « Page 3 sur 12 ».
 */
export function QueuePagination({
  page,
  pageCount,
  first,
  previous,
  next,
  last,
}: {
  page: number;
  pageCount: number;
  first: string;
  previous: string | null;
  next: string | null;
  last: string;
}) {
  if (pageCount <= 1) return null;
  const link = (to: string | null, className: string, label: string, title?: string) => (
    <li>
      {to ? (
        <Link className={`fr-pagination__link ${className}`} to={to} title={title}>
          {label}
        </Link>
      ) : (
        <a className={`fr-pagination__link ${className}`} aria-disabled="true" role="link">
          {label}
        </a>
      )}
    </li>
  );
  const numbers = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount);
  return (
    <nav role="navigation" className="fr-pagination fr-mt-2w" aria-label="Pagination de la file">
      <ul className="fr-pagination__list">
        {link(page > 1 ? first : null, 'fr-pagination__link--first', 'Première page')}
        {link(page > 1 ? previous : null, 'fr-pagination__link--prev fr-pagination__link--lg-label', 'Page précédente')}
        {numbers.map((n, index) => {
          const gap = index > 0 && n - numbers[index - 1]! > 1;
          const to =
            n === 1 ? first : n === pageCount ? last : n === page - 1 ? previous : n === page + 1 ? next : null;
          return [
            gap ? (
              <li key={`gap-${n}`}>
                <span className="fr-pagination__link fr-displayed-lg">…</span>
              </li>
            ) : null,
            <li key={n}>
              {n === page ? (
                <a className="fr-pagination__link" aria-current="page" title={`Page ${n} sur ${pageCount}`}>
                  {n}
                </a>
              ) : to ? (
                <Link className="fr-pagination__link" to={to} title={`Page ${n} sur ${pageCount}`}>
                  {n}
                </Link>
              ) : (
                <span className="fr-pagination__link">{n}</span>
              )}
            </li>,
          ];
        })}
        {link(
          page < pageCount ? next : null,
          'fr-pagination__link--next fr-pagination__link--lg-label',
          'Page suivante',
        )}
        {link(page < pageCount ? last : null, 'fr-pagination__link--last', 'Dernière page')}
      </ul>
    </nav>
  );
}
