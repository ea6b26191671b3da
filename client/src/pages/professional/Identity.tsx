import type { ProfessionalFileQuery } from '../../gql/graphql';
import { PROFESSION_LABELS, frenchDate } from '../../format';

type Professional = NonNullable<ProfessionalFileQuery['professional']>;

/** Who the professional is: profession, identifiers, caisse, address, how they declare, contact. */
export function Identity({ p }: { p: Professional }) {
  return (
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
  );
}
