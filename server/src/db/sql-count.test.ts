import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { countSql, currentSqlCount, outsideSqlCount, sqlCountActive, type SqlCount } from './sql-count';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SQL count scope', () => {
  it("turns Node's promise hooks on only while a count is in flight", () => {
    // Jest's own environment runs with promise hooks on: the check runs in a bare Node process. With the
    // hooks off, code resumed after an `await` has no async id.
    const script = `
      const { executionAsyncId } = require('node:async_hooks');
      const { countSql, currentSqlCount } = require(${JSON.stringify(path.join(__dirname, 'sql-count.ts'))});
      const on = async () => { await null; return executionAsyncId() !== 0; };
      (async () => {
        const before = await on();
        let work;
        const end = countSql({ statements: 0 }, () => { work = (async () => { await null; currentSqlCount().statements += 1; })(); });
        await work;
        const during = await on();
        end();
        console.log(JSON.stringify({ before, during, after: await on() }));
      })();
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ before: false, during: true, after: false });
  });

  it('follows each counted run through its awaits, apart from the others', async () => {
    const first: SqlCount = { statements: 0 };
    const second: SqlCount = { statements: 0 };
    const work = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await tick();
        currentSqlCount()!.statements += 1;
      }
    };
    let a: Promise<void> = Promise.resolve();
    let b: Promise<void> = Promise.resolve();
    const endA = countSql(first, () => {
      a = work(3);
    });
    const endB = countSql(second, () => {
      b = work(5);
    });
    // A request that did not ask runs with no count, even while others are counted.
    expect(currentSqlCount()).toBeUndefined();
    await Promise.all([a, b]);
    expect(first.statements).toBe(3);
    expect(second.statements).toBe(5);
    expect(sqlCountActive()).toBe(true);

    endA();
    endA(); // idempotent: a second call must not end the other count
    expect(sqlCountActive()).toBe(true);
    endB();
    expect(sqlCountActive()).toBe(false);
  });

  it('leaves background work started by a counted run outside its count', async () => {
    const count: SqlCount = { statements: 0 };
    let background: Promise<void> = Promise.resolve();
    const end = countSql(count, () => {
      background = outsideSqlCount(async () => {
        await tick();
        expect(currentSqlCount()).toBeUndefined();
      });
      expect(currentSqlCount()).toBe(count);
    });
    await background;
    end();
    expect(sqlCountActive()).toBe(false);
  });
});
