import { parseSearchQuery } from './identifiers';

describe('parseSearchQuery', () => {
  it.each([
    ['10003461033', { kind: 'IDENTIFIER', value: '10003461033', candidates: ['RPPS'] }],
    ['211234567', { kind: 'IDENTIFIER', value: '211234567', candidates: ['AM_NUMBER', 'ADELI'] }],
    ['2A1234567', { kind: 'IDENTIFIER', value: '2A1234567', candidates: ['AM_NUMBER'] }],
    ['2b1234567', { kind: 'IDENTIFIER', value: '2B1234567', candidates: ['AM_NUMBER'] }],
    [' 21 123 4567 ', { kind: 'IDENTIFIER', value: '211234567', candidates: ['AM_NUMBER', 'ADELI'] }],
    ['Lefèvre', { kind: 'NAME', value: 'Lefèvre' }],
    ['de la Tour', { kind: 'NAME', value: 'de la Tour' }],
    ['12345', { kind: 'MALFORMED_IDENTIFIER', value: '12345' }],
    ['1000346103', { kind: 'MALFORMED_IDENTIFIER', value: '1000346103' }],
    ['Dupont2', { kind: 'MALFORMED_IDENTIFIER', value: 'Dupont2' }],
  ])('reads %j', (raw, expected) => {
    expect(parseSearchQuery(raw)).toEqual(expected);
  });
});
