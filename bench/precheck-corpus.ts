/**
 * The pré-contrôle's labelled corpus, generated (never hand-picked): invoices, purchase orders and
 * publisher attestations for both indicator kinds (LOG_DMP, LOG_LAP_DMP), in varied layouts and fonts,
 * as digital PDFs and as scans (rotation, noise, low resolution, photographed page, image-only PDF).
 * One piece in four is non-compliant on one known point. Every label is what the generator printed.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { Prng } from '../server/src/seed/prng';
import { PUBLISHER_ALIASES, SOFTWARE_CATALOGUE } from '../server/src/seed/reference-data';
import type { PrecheckExpectation } from '../server/src/precheck/precheck.types';

export type Truth = 'PRESENT' | 'CONTRADICTED' | 'ABSENT';
export type Variant = 'DIGITAL' | 'SCAN' | 'ROTATED' | 'NOISY' | 'LOW_RES' | 'PHOTO' | 'IMAGE_PDF';
export type Flaw = 'OTHER_HOLDER' | 'OTHER_PUBLISHER' | 'DATE_OUT' | 'NO_DMP' | 'QUOTE' | 'NO_VERSION';

export interface CorpusPiece {
  n: number;
  kind: 'FACTURE' | 'BON_DE_COMMANDE' | 'ATTESTATION';
  indicator: 'LOG_DMP' | 'LOG_LAP_DMP';
  variant: Variant;
  flaw: Flaw | null;
  lines: string[];
  truth: Record<string, Truth>;
  expectation: PrecheckExpectation;
}

const FIRST = [
  'Camille',
  'Éloïse',
  'Jean-Pierre',
  'Léa',
  'Hélène',
  'François',
  'Agnès',
  'Benoît',
  'Zoé',
  'Maël',
  'Inès',
  'Noël',
  'Gaëlle',
  'Jérôme',
  'Anaïs',
  'Loïc',
];
const LAST = [
  'Martin',
  'Lefèvre',
  'Moreau',
  'Girard',
  'Roux',
  'Fournier',
  'Bézier',
  'Faure',
  'Châtelain',
  'Mercier',
  'Dupré',
  'Lemaître',
  'Boëlle',
  'Garnier',
  'Rivière',
  'Perrin',
];
const CITIES = ['Dijon', 'Lyon', 'Besançon', 'Mâcon', 'Auxerre', 'Nevers', 'Chalon-sur-Saône'];
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

export const CHECKLISTS: Record<CorpusPiece['indicator'], { code: string; label: string; required: boolean }[]> = {
  LOG_DMP: [
    'DOCUMENT_TYPE',
    'PUBLISHER_IDENTIFIED',
    'SOFTWARE_NAME',
    'ACQUISITION_DATE',
    'NOMINATIVE',
    'DMP_COMPATIBLE_MENTION',
    'CONNECTOR_OR_PACK_STATED',
  ].map((code) => ({ code, label: code, required: code !== 'CONNECTOR_OR_PACK_STATED' })),
  LOG_LAP_DMP: [
    'DOCUMENT_TYPE',
    'PUBLISHER_IDENTIFIED',
    'SOFTWARE_NAME',
    'SOFTWARE_VERSION',
    'CONNECTOR_OR_PACK_STATED',
    'LAP_CERTIFIED',
  ].map((code) => ({ code, label: code, required: !['CONNECTOR_OR_PACK_STATED', 'LAP_CERTIFIED'].includes(code) })),
};

const YEAR = 2024;
const pad = (n: number) => String(n).padStart(2, '0');

function dateText(prng: Prng, year: number): string {
  const [d, m] = [prng.int(1, 28), prng.int(1, 12)];
  return prng.pick([
    `${pad(d)}/${pad(m)}/${year}`,
    `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${year}`,
    `${year}-${pad(m)}-${pad(d)}`,
  ]);
}

export function generateCorpus(size: number, seed = 2024): CorpusPiece[] {
  const prng = new Prng(seed);
  const catalogue = {
    publishers: [...new Set(SOFTWARE_CATALOGUE.map((s) => s.publisher))].map((name) => ({
      name,
      aliases: PUBLISHER_ALIASES[name] ?? [],
    })),
    software: SOFTWARE_CATALOGUE.map((s) => ({ name: s.name, aliases: s.aliases ?? [] })),
  };
  const pieces: CorpusPiece[] = [];
  for (let n = 0; n < size; n += 1) {
    const indicator = prng.chance(0.6) ? 'LOG_DMP' : 'LOG_LAP_DMP';
    const kind = prng.weighted([
      ['FACTURE', 5],
      ['BON_DE_COMMANDE', 2],
      ['ATTESTATION', 3],
    ] as const);
    const variant: Variant =
      n % 2 === 0 ? 'DIGITAL' : prng.pick(['SCAN', 'ROTATED', 'NOISY', 'LOW_RES', 'PHOTO', 'IMAGE_PDF'] as const);
    const holder = { firstName: prng.pick(FIRST), lastName: prng.pick(LAST) };
    const declared = prng.pick(SOFTWARE_CATALOGUE.filter((s) => s.dmpCompatible));
    const version = prng.pick(declared.versions);
    // One in four non-compliant, on a known point: as many digital PDFs (n even) as scans (n odd).
    const flaw: Flaw | null =
      n % 8 === 3 || n % 8 === 6
        ? prng.pick(
            (['OTHER_HOLDER', 'OTHER_PUBLISHER', 'DATE_OUT', 'NO_DMP', 'QUOTE', 'NO_VERSION'] as const).filter(
              (f) => indicator === 'LOG_DMP' || f !== 'DATE_OUT',
            ),
          )
        : null;
    let shownHolder = holder;
    if (flaw === 'OTHER_HOLDER') {
      do shownHolder = { firstName: prng.pick(FIRST), lastName: prng.pick(LAST) };
      while (shownHolder.lastName === holder.lastName);
    }
    const shown =
      flaw === 'OTHER_PUBLISHER'
        ? prng.pick(SOFTWARE_CATALOGUE.filter((s) => s.publisher !== declared.publisher && s.name !== declared.name))
        : declared;
    const shownVersion = flaw === 'OTHER_PUBLISHER' ? prng.pick(shown.versions) : version;
    const truth: Record<string, Truth> = {};
    const lines: string[] = [];
    const civility = prng.pick(['Dr', 'Docteur', 'Dr', 'Mme', 'M.', '']);
    const nameForms = [
      `${shownHolder.firstName} ${shownHolder.lastName}`,
      `${shownHolder.lastName.toUpperCase()} ${shownHolder.firstName}`,
      `${shownHolder.firstName[0]}. ${shownHolder.lastName}`,
    ];
    const name = `${civility ? `${civility} ` : ''}${prng.pick(nameForms)}`.trim();
    const withDmp = flaw !== 'NO_DMP';
    const withVersion = flaw !== 'NO_VERSION';
    const acquisition = dateText(prng, flaw === 'DATE_OUT' ? prng.pick([YEAR - 2, YEAR + 1]) : YEAR);
    const city = prng.pick(CITIES);
    const connector = prng.chance(0.3);
    const lap = indicator === 'LOG_LAP_DMP' && prng.chance(0.5);
    // One piece in five names the publisher, or the software, by another name the catalogue knows.
    const publisherAliases = PUBLISHER_ALIASES[shown.publisher] ?? [];
    const publisherName =
      publisherAliases.length > 0 && prng.chance(0.2) ? prng.pick(publisherAliases) : shown.publisher;
    const softwareName = shown.aliases?.length && prng.chance(0.2) ? prng.pick(shown.aliases) : shown.name;
    const softwareLine = withVersion
      ? prng.pick([
          `${softwareName} version ${shownVersion}`,
          `${softwareName} v${shownVersion}`,
          `${softwareName} – version ${shownVersion}`,
        ])
      : softwareName;

    if (kind === 'ATTESTATION' && flaw !== 'QUOTE') {
      lines.push(prng.pick(["ATTESTATION DE L'ÉDITEUR", 'Attestation éditeur', 'ATTESTATION']));
      lines.push(`${publisherName} – ${prng.int(1, 90)} avenue de la République, ${city}`);
      lines.push(`${publisherName} atteste que ${name},`);
      lines.push(
        `${prng.pick(['chirurgien-dentiste', 'médecin généraliste', 'infirmière', 'masseur-kinésithérapeute'])}, utilise le logiciel ${softwareLine}.`,
      );
      if (withDmp)
        lines.push(
          prng.pick([
            'Ce logiciel est référencé « DMP compatible ».',
            'Logiciel DMP-compatible.',
            'Mention : compatible DMP',
          ]),
        );
      if (connector) lines.push(prng.pick(['Connecteur DMP : passerelle SantéLink', 'Pack DMP souscrit']));
      if (lap) lines.push("Logiciel d'aide à la prescription certifié par la HAS");
      lines.push(prng.chance(0.5) ? `Date d'acquisition : ${acquisition}` : `Fait à ${city}, le ${acquisition}`);
      lines.push('Cachet et signature');
    } else {
      const number = `${YEAR}-${prng.int(1000, 9999)}`;
      lines.push(
        flaw === 'QUOTE'
          ? `DEVIS N° ${number}`
          : kind === 'FACTURE'
            ? prng.pick([`FACTURE N° ${number}`, `Facture n° ${number}`])
            : `BON DE COMMANDE N° ${number}`,
      );
      lines.push(publisherName);
      lines.push(
        `${prng.int(1, 90)} rue des Écoles, ${city} – SIRET ${prng.int(100, 999)} ${prng.int(100, 999)} ${prng.int(100, 999)} 00012`,
      );
      lines.push(prng.pick([`Client : ${name}`, `Facturé à : ${name}`, `Destinataire : ${name}`, name]));
      lines.push(`${prng.int(1, 60)} place du Marché, ${city}`);
      lines.push(`Désignation : licence ${softwareLine}`);
      if (withDmp)
        lines.push(prng.pick(['Mention : « DMP compatible »', 'Logiciel référencé DMP compatible', 'Compatible DMP']));
      if (connector) lines.push(prng.pick(['Connecteur DMP inclus', 'Pack DMP : 120,00 EUR']));
      if (lap) lines.push('LAP certifié HAS');
      if (flaw !== 'QUOTE')
        lines.push(
          prng.pick([
            `Date d'acquisition : ${acquisition}`,
            `Date de commande : ${acquisition}`,
            `Date de facture : ${acquisition}`,
          ]),
        );
      lines.push(`Montant TTC : ${prng.int(200, 2400)},00 EUR`);
    }
    // What is printed, item by item.
    truth.DOCUMENT_TYPE = flaw === 'QUOTE' ? 'CONTRADICTED' : 'PRESENT';
    truth.PUBLISHER_IDENTIFIED = flaw === 'OTHER_PUBLISHER' ? 'CONTRADICTED' : 'PRESENT';
    truth.SOFTWARE_NAME = flaw === 'OTHER_PUBLISHER' ? 'CONTRADICTED' : 'PRESENT';
    truth.SOFTWARE_VERSION = withVersion ? 'PRESENT' : 'ABSENT';
    truth.ACQUISITION_DATE = flaw === 'QUOTE' ? 'ABSENT' : flaw === 'DATE_OUT' ? 'CONTRADICTED' : 'PRESENT';
    truth.NOMINATIVE = flaw === 'OTHER_HOLDER' ? 'CONTRADICTED' : 'PRESENT';
    truth.DMP_COMPATIBLE_MENTION = withDmp ? 'PRESENT' : 'ABSENT';
    truth.CONNECTOR_OR_PACK_STATED = connector ? 'PRESENT' : 'ABSENT';
    truth.LAP_CERTIFIED = lap ? 'PRESENT' : 'ABSENT';
    const checklist = CHECKLISTS[indicator];
    pieces.push({
      n,
      kind,
      indicator,
      variant,
      flaw,
      lines,
      truth: Object.fromEntries(checklist.map((c) => [c.code, truth[c.code]!])),
      expectation: {
        checklist,
        holder,
        declared: { publisher: declared.publisher, software: declared.name, version },
        catalogue,
        referenceYear: YEAR,
      },
    });
  }
  return pieces;
}

const FONTS = [
  [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  [StandardFonts.Courier, StandardFonts.CourierBold],
] as const;

/** A digital PDF of the piece: font, size, margins and a right-aligned header vary with the piece. */
export async function piecePdf(piece: CorpusPiece): Promise<Buffer> {
  const prng = new Prng(1000 + piece.n);
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const [regular, bold] = prng.pick(FONTS);
  const font = await doc.embedFont(regular);
  const heading = await doc.embedFont(bold);
  const size = prng.int(10, 13);
  const left = prng.int(40, 90);
  const rightHeader = prng.chance(0.4);
  let y = prng.int(760, 800);
  piece.lines.forEach((line, i) => {
    const f = i === 0 ? heading : font;
    const s = i === 0 ? size + 5 : size;
    const width = f.widthOfTextAtSize(line, s);
    const x = rightHeader && i === 1 ? Math.max(left, 595 - 40 - width) : left;
    page.drawText(line, { x, y, size: s, font: f, color: i === 0 ? rgb(0, 0, 0.5) : rgb(0, 0, 0) });
    y -= s * (i === 0 ? 2.4 : prng.chance(0.2) ? 2.6 : 1.8);
  });
  return Buffer.from(await doc.save());
}
