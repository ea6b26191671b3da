/**
 * (g) The public Annuaire Santé extract through the import CLI (`npm run import -- annuaire-sante <file>`)
 * vs a set-based SQL floor: `LOAD DATA LOCAL INFILE` of the same file into a 52-column staging table,
 * then one `UPDATE professional JOIN staging ON rpps` of the liberal lines of the served professions
 * (no checks, no principal-site rule, no report; rolled back so that the import still finds every
 * professional to refresh).
 *
 * The file is synthetic but in the exact format (52 columns, `|` with a trailing `|`, BOM, the header as
 * published). Proportions, from the national file's composition: 60 % of the lines are professions the
 * campaigns do not serve (pharmaciens, opticiens, audioprothésistes…), 15 % salaried activities of the
 * served ones, 25 % liberal activities of the served ones — of which every professional of the bench
 * database (one line, a second site for one in five) and, for the rest, professionals we do not know.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DATA_DIR, ROOT } from './env';

export interface AnnuaireResult {
  available: boolean;
  note?: string;
  lines?: number;
  fileMb?: number;
  known?: number;
  importSeconds?: number;
  importWallSeconds?: number;
  importLinesPerSecond?: number;
  peakRssMb?: number;
  outcome?: string;
  floorSeconds?: number;
  floorLinesPerSecond?: number;
}

const HEADER = [
  "Type d'identifiant PP",
  'Identifiant PP',
  'Identification nationale PP',
  "Code civilité d'exercice",
  "Libellé civilité d'exercice",
  'Code civilité',
  'Libellé civilité',
  "Nom d'exercice",
  "Prénom d'exercice",
  'Code profession',
  'Libellé profession',
  'Code catégorie professionnelle',
  'Libellé catégorie professionnelle',
  'Code type savoir-faire',
  'Libellé type savoir-faire',
  'Code savoir-faire',
  'Libellé savoir-faire',
  'Code mode exercice',
  'Libellé mode exercice',
  'Numéro SIRET site',
  'Numéro SIREN site',
  'Numéro FINESS site',
  'Numéro FINESS établissement juridique',
  'Identifiant technique de la structure',
  'Raison sociale site',
  'Enseigne commerciale site',
  'Complément destinataire (coord. structure)',
  'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)',
  'Indice répétition voie (coord. structure)',
  'Code type de voie (coord. structure)',
  'Libellé type de voie (coord. structure)',
  'Libellé Voie (coord. structure)',
  'Mention distribution (coord. structure)',
  'Bureau cedex (coord. structure)',
  'Code postal (coord. structure)',
  'Code commune (coord. structure)',
  'Libellé commune (coord. structure)',
  'Code pays (coord. structure)',
  'Libellé pays (coord. structure)',
  'Téléphone (coord. structure)',
  'Téléphone 2 (coord. structure)',
  'Télécopie (coord. structure)',
  'Adresse e-mail (coord. structure)',
  'Code Département (structure)',
  'Libellé Département (structure)',
  'Ancien identifiant de la structure',
  "Autorité d'enregistrement",
  "Code secteur d'activité",
  "Libellé secteur d'activité",
  'Code section tableau pharmaciens',
  'Libellé section tableau pharmaciens',
];

const CODE_OF: Record<string, [string, string, string, string]> = {
  MEDECIN_GENERALISTE: ['10', 'Médecin', 'SM54', 'Médecine générale'],
  MEDECIN_SPECIALISTE: ['10', 'Médecin', 'SM01', 'Anatomie et cytologie pathologiques'],
  CHIRURGIEN_DENTISTE: ['40', 'Chirurgien-Dentiste', '', ''],
  SAGE_FEMME: ['50', 'Sage-Femme', '', ''],
  INFIRMIER: ['60', 'Infirmier', '', ''],
  MASSEUR_KINESITHERAPEUTE: ['70', 'Masseur-Kinésithérapeute', '', ''],
  PEDICURE_PODOLOGUE: ['80', 'Pédicure-Podologue', '', ''],
  ORTHOPHONISTE: ['91', 'Orthophoniste', '', ''],
  ORTHOPTISTE: ['92', 'Orthoptiste', '', ''],
};
const SERVED = Object.values(CODE_OF);
const OTHERS: [string, string][] = [
  ['21', 'Pharmacien'],
  ['26', 'Audioprothésiste'],
  ['28', 'Opticien-Lunetier'],
  ['31', 'Assistant dentaire'],
  ['86', 'Psychomotricien'],
];

function activity(
  rpps: string,
  [code, label, sfCode, sfLabel]: readonly string[],
  mode: 'L' | 'S',
  n: number,
  departement: string,
): string {
  const f = new Array<string>(52).fill('');
  f[0] = '8';
  f[1] = rpps;
  f[2] = `8${rpps}`;
  f[3] = code === '10' ? 'DR' : '';
  f[4] = code === '10' ? 'Docteur' : '';
  f[5] = n % 2 ? 'M' : 'MME';
  f[6] = n % 2 ? 'Monsieur' : 'Madame';
  f[7] = `NOM${n % 50_000}`;
  f[8] = `Prénom${n % 997}`;
  f[9] = code!;
  f[10] = label!;
  f[11] = 'C';
  f[12] = 'Civil';
  if (sfCode) [f[13], f[14], f[15], f[16]] = ['S', 'Spécialité ordinale', sfCode, sfLabel!];
  f[17] = mode;
  f[18] = mode === 'L' ? 'Libéral' : 'Salarié';
  f[19] = String(10_000_000_000_000 + n).slice(0, 14);
  f[23] = `S${n}`;
  f[24] = mode === 'L' ? `CABINET ${n % 9_999}` : 'CENTRE HOSPITALIER';
  f[28] = String((n % 120) + 1);
  f[29] = n % 17 === 0 ? 'B' : '';
  f[31] = 'Rue';
  f[32] = `de la République ${n % 300}`;
  const postal = `${departement.startsWith('2A') || departement.startsWith('2B') ? '20' : departement.slice(0, 2).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  if (n % 53 === 0) f[34] = `${postal} VILLE CEDEX`;
  else [f[35], f[37]] = [postal, `VILLE${n % 400}`];
  [f[38], f[39]] = ['99000', 'France'];
  f[40] = `03${String(80_000_000 + (n % 10_000_000)).padStart(8, '0')}`;
  f[43] = n % 5 === 0 ? `contact${n}@exemple.fr` : '';
  f[44] = departement;
  f[47] = code === '10' ? 'CNOM/CNOM/CNOM' : 'ARS/ARS/ARS';
  return `${f.join('|')}|\n`;
}

/** Writes `lines` activity lines with backpressure; returns the number of known professionals named. */
async function writeExtract(
  file: string,
  lines: number,
  known: { rpps: string; profession: string; departement: string }[],
): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`\uFEFF${HEADER.join('|')}|\n`);
  let k = 0;
  let unknown = 0;
  let written = 0;
  let buffer = '';
  for (let n = 0; written < lines; n++) {
    const slot = n % 20; // 12 of 20 other professions, 3 salaried, 5 liberal
    if (slot < 12) {
      const [code, label] = OTHERS[n % OTHERS.length]!;
      buffer += activity(String(30_000_000_000 + n), [code, label, '', ''], n % 3 ? 'L' : 'S', n, '75');
      written += 1;
    } else if (slot < 15) {
      buffer += activity(String(40_000_000_000 + n), SERVED[n % SERVED.length]!, 'S', n, '21');
      written += 1;
    } else if (k < known.length) {
      const p = known[k++]!;
      const served = CODE_OF[p.profession] ?? SERVED[0]!;
      buffer += activity(p.rpps, served, 'L', n, p.departement);
      written += 1;
      // One in five has a second liberal site, in another département.
      if (k % 5 === 0 && written < lines) {
        buffer += activity(p.rpps, served, 'L', n + 1, '75');
        written += 1;
      }
    } else {
      buffer += activity(String(50_000_000_000 + unknown++), SERVED[n % SERVED.length]!, 'L', n, '13');
      written += 1;
    }
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return k;
}

export async function benchAnnuaire(
  databaseUrl: string,
  lines: number,
  log: (m: string) => void,
): Promise<AnnuaireResult> {
  const conn = await mysql.createConnection({ uri: databaseUrl });
  const file = path.join(os.tmpdir(), `mcbo-bench-annuaire-${process.pid}.txt`);
  try {
    const [rows] = await conn.query(
      `SELECT p.rpps, p.profession, c.departement FROM professional p JOIN caisse c ON c.code = p.caisse_code
       WHERE p.rpps IS NOT NULL ORDER BY p.id`,
    );
    const known = rows as { rpps: string; profession: string; departement: string }[];
    const started = Date.now();
    const named = await writeExtract(file, lines, known);
    const fileMb = Math.round(fs.statSync(file).size / 2 ** 20);
    log(
      `annuaire: ${lines} lines (${fileMb} MB, ${named} known professionals) generated in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    // The floor: LOAD DATA into a staging table of the 52 columns, then one set-based UPDATE, rolled back.
    await conn.query('DROP TABLE IF EXISTS bench_annuaire_stage');
    await conn.query(
      `CREATE TABLE bench_annuaire_stage (${HEADER.map((_, i) => `c${i + 1} varchar(255) NOT NULL`).join(', ')}) ENGINE=InnoDB`,
    );
    const floorStarted = process.hrtime.bigint();
    await conn.query({
      sql: `LOAD DATA LOCAL INFILE ? INTO TABLE bench_annuaire_stage CHARACTER SET utf8mb4 FIELDS TERMINATED BY '|' LINES TERMINATED BY '|\\n' IGNORE 1 LINES`,
      values: [file],
      infileStreamFactory: (p: string) => fs.createReadStream(p),
    } as never);
    await conn.query('BEGIN');
    await conn.query(
      `UPDATE professional p JOIN bench_annuaire_stage s ON s.c1 = '8' AND s.c2 = p.rpps
       SET p.civility = NULLIF(s.c5, ''), p.last_name = s.c8, p.first_name = s.c9,
           p.specialty_code = NULLIF(s.c16, ''), p.specialty = NULLIF(s.c17, ''),
           p.address_line = CONCAT_WS(' ', s.c29, s.c32, s.c33), p.postal_code = s.c36, p.commune = s.c38,
           p.phone = NULLIF(s.c41, ''), p.email = COALESCE(NULLIF(s.c44, ''), p.email)
       WHERE s.c18 = 'L' AND s.c10 IN ('10','40','50','60','69','70','80','91','92') AND s.c36 <> ''`,
    );
    const floorSeconds = Number(process.hrtime.bigint() - floorStarted) / 1e9;
    await conn.query('ROLLBACK');
    await conn.query('DROP TABLE IF EXISTS bench_annuaire_stage');

    // The project's import.
    const importStarted = Date.now();
    const run = spawnSync('npm', ['run', 'import', '--', 'annuaire-sante', file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    const wall = (Date.now() - importStarted) / 1000;
    const out = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0 && run.status !== 3) {
      return { available: false, note: `import CLI failed (exit ${run.status}): ${out.slice(-400)}` };
    }
    const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));
    const done = /Terminé en ([^(]+)\(([\d\s\u202f\u00a0.,]+) lignes\/s\)/.exec(out);
    const rate = done ? digits(done[2]!) : lines / wall;
    const peak = /Mémoire : pic ([\d\s\u202f\u00a0]+) Mo/.exec(out);
    const outcome = [/Lues : [^\n]+/.exec(out)?.[0], /Hors champ : [^\n]+/.exec(out)?.[0]].filter(Boolean).join(' ');
    return {
      available: true,
      lines,
      fileMb,
      known: named,
      importSeconds: Math.round((lines / rate) * 100) / 100,
      importWallSeconds: Math.round(wall * 100) / 100,
      importLinesPerSecond: Math.round(rate),
      ...(peak ? { peakRssMb: digits(peak[1]!) } : {}),
      ...(outcome ? { outcome } : {}),
      floorSeconds: Math.round(floorSeconds * 1000) / 1000,
      floorLinesPerSecond: Math.round(lines / floorSeconds),
    };
  } finally {
    await conn.end();
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.report.csv`, { force: true });
  }
}
