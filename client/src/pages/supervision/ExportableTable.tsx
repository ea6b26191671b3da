import type { ReactNode } from 'react';
import { download, toCsv } from '../../format';
import { ScrollTable } from '../../table';

/** A table with its caption and the CSV export of exactly the rows shown. */
export function ExportableTable({
  title,
  file,
  header,
  rows,
  csvRows,
  numeric = [],
}: {
  title: string;
  file: string;
  header: string[];
  rows: ReactNode[][];
  csvRows: (string | number)[][];
  numeric?: number[];
}) {
  return (
    <div className="fr-mb-4w">
      <ScrollTable label={`${title} (tableau défilable)`} className="fr-table--no-caption fr-mb-1w">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {header.map((h, index) => (
                <th scope="col" key={h} className={numeric.includes(index) ? 'mcbo-num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, index) => (
                  <td key={index} className={numeric.includes(index) ? 'mcbo-num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left"
        onClick={() => download(file, toCsv(header, csvRows))}
        disabled={csvRows.length === 0}
      >
        Exporter en CSV : {title.toLowerCase()}
      </button>
    </div>
  );
}
