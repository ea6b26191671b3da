/**
 * A 100 000-row pre-fill file generated here, imported in batches of 1 000 with every declaration
 * created and re-evaluated, then imported again (nothing changes). Throughput is printed and kept
 * in $TMPDIR/mcbo-import-volume-<dialect>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Declaration, IndicatorValue } from '../declarations/declaration.entity';
import { openTestDatabase, type TestDatabase } from '../test-support/test-db';
import { fixtureWorld, importCsv, insertProfessionals } from './import-test-kit';

const ROWS = Number(process.env.MCBO_IMPORT_VOLUME_ROWS ?? 100_000);

jest.setTimeout(240_000);

describe(`imports: ${ROWS.toLocaleString('en')} pre-fill rows`, () => {
  let t: TestDatabase;
  let csv: Buffer;

  beforeAll(async () => {
    t = await openTestDatabase();
    await fixtureWorld(t.db.manager);
    const half = Math.floor(ROWS / 2);
    const a = await insertProfessionals(t.db.manager, half, {
      caisseCode: '211',
      profession: 'CHIRURGIEN_DENTISTE',
      start: 1_000_000,
    });
    const b = await insertProfessionals(t.db.manager, ROWS - half, {
      caisseCode: '751',
      profession: 'CHIRURGIEN_DENTISTE',
      start: 1_000_000,
    });
    const lines = ['am_number;campaign_year;scheme;publisher;software;version'];
    [...a, ...b].forEach((am, i) =>
      lines.push(`${am};2024;FAMI;Dentalia Soft;Dentalia;${i % 3 === 0 ? '5.1' : '5.2'}`),
    );
    csv = Buffer.from(lines.join('\r\n') + '\r\n');
  });
  afterAll(async () => t.close());

  it('imports every row in whole batches, then a second run changes nothing', async () => {
    const started = Date.now();
    const first = await importCsv(t.db, 'DMP_TRACES', csv);
    const firstSeconds = (Date.now() - started) / 1000;
    expect(first.error).toBeUndefined();
    expect(first.run).toMatchObject({
      status: 'COMPLETED',
      rowsRead: ROWS,
      inserted: ROWS,
      rejected: 0,
      batchesCommitted: Math.ceil(ROWS / 1000),
    });
    expect(await t.db.getRepository(Declaration).count()).toBe(ROWS);
    expect(await t.db.getRepository(IndicatorValue).countBy({ source: 'PREFILLED', achievement: 'ACHIEVED' })).toBe(
      ROWS,
    );

    const again = Date.now();
    const second = await importCsv(t.db, 'DMP_TRACES', csv);
    const secondSeconds = (Date.now() - again) / 1000;
    expect(second.run).toMatchObject({ rowsRead: ROWS, inserted: 0, updated: 0, unchanged: ROWS, rejected: 0 });

    const result = {
      dialect: t.dialect,
      rows: ROWS,
      bytes: csv.length,
      firstRunSeconds: firstSeconds,
      firstRunRowsPerSecond: Math.round(ROWS / firstSeconds),
      secondRunSeconds: secondSeconds,
      secondRunRowsPerSecond: Math.round(ROWS / secondSeconds),
      loadAverage: os.loadavg()[0],
    };
    fs.writeFileSync(path.join(os.tmpdir(), `mcbo-import-volume-${t.dialect}.json`), JSON.stringify(result, null, 2));
    console.log(`import volume ${JSON.stringify(result)}`);
  });
});
