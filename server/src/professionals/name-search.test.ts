import { nameSearchPatterns } from './name-search';

/** What SQL's LIKE does with these patterns ('%' any run, '!' escapes), to check matches without a database. */
const like = (pattern: string, value: string) => {
  let re = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    if (c === '!') re += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's').test(value);
};
const matches = (typed: string, key: string) => nameSearchPatterns(typed).some((p) => like(p, key));

describe('nameSearchPatterns', () => {
  it.each([
    ['lefevre', 'LEFEVRE ELOISE', true],
    ['lef', 'LEFEVRE ELOISE', true],
    ['lefevre eloise', 'LEFEVRE ELOISE', true],
    ['eloise lefevre', 'LEFEVRE ELOISE', true],
    ['Éloïse Lefèvre', 'LEFEVRE ELOISE', true],
    ['eloise lef', 'LEFEVRE ELOISE', true],
    ['elo lefevre', 'LEFEVRE ELOISE', true],
    ['hélène côté', 'COTE HELENE', true],
    ['marie claire dupont', 'DUPONT MARIE CLAIRE', true],
    ['claire dupont', 'DUPONT MARIE CLAIRE', true],
    ['jean pierre', 'PIERRE JEAN', true],
    ['eloise lefevre', 'LEFORT ELOISE', false],
    ['eloise', 'LEFEVRE ELOISE', false],
    ['lefevre marc', 'LEFEVRE ELOISE', false],
  ])('« %s » against %s → %s', (typed, key, expected) => {
    expect(matches(typed, key)).toBe(expected);
  });

  it('keeps a one-word search to the single prefix it always was', () => {
    expect(nameSearchPatterns('Lefèvre')).toEqual(['LEFEVRE%']);
  });

  it('has no pattern for a query without letters or digits', () => {
    expect(nameSearchPatterns(' -- ')).toEqual([]);
  });

  it('lets no typed wildcard through: the key keeps letters and digits only', () => {
    expect(nameSearchPatterns('a_b')).toEqual(['A B%', 'B% A%']);
    expect(nameSearchPatterns('50%')).toEqual(['50%']);
    expect(like('A!_B%', 'A_BC')).toBe(true);
    expect(like('A!_B%', 'AXBC')).toBe(false);
  });
});
