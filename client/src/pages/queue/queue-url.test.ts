import { activeFilterCount, filterFromUrl, foldLabel } from './queue-url';

const count = (query: string) => activeFilterCount(filterFromUrl(new URLSearchParams(query)));

describe('the phone fold of the queue filters', () => {
  test.each([
    ['', 0, 'Filtres et vues'],
    ['vue=TO_PROCESS&tri=recents&parmoi=1&contradiction=1', 0, 'Filtres et vues'],
    ['annee=2024&regime=FAMI', 1, 'Filtres et vues (1 filtre actif)'],
    ['annee=2024&regime=FAMI&indicateur=LOG_DMP', 2, 'Filtres et vues (2 filtres actifs)'],
    // An indicator without its campaign is not applied, so not counted.
    ['indicateur=LOG_DMP', 0, 'Filtres et vues'],
    ['ageMin=8&ageMax=15', 1, 'Filtres et vues (1 filtre actif)'],
    ['prises=non&profession=INFIRMIER&caisse=751', 3, 'Filtres et vues (3 filtres actifs)'],
    ['detenteur=12&ageMin=31', 2, 'Filtres et vues (2 filtres actifs)'],
  ])('« %s »: %i, « %s »', (query, active, label) => {
    expect(count(query)).toBe(active);
    expect(foldLabel(active)).toBe(label);
  });
});
