import { AppError, ErrorCode } from './errors';
import { isDatabaseUnavailable } from './outage';

describe('which errors mean the database is unavailable', () => {
  it.each([
    [
      'connexion refusée',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }),
      true,
    ],
    [
      'connexion perdue',
      Object.assign(new Error('Connection lost: The server closed the connection.'), {
        code: 'PROTOCOL_CONNECTION_LOST',
      }),
      true,
    ],
    ['erreur TypeORM qui enveloppe le pilote', { message: 'Query failed', driverError: { code: 'ETIMEDOUT' } }, true],
    ["file d'attente du pool pleine", new Error('Queue limit reached.'), true],
    ['SQLite verrouillée', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), true],
    ['doublon de clé', Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' }), false],
    ['bogue', new TypeError('x is undefined'), false],
    ['erreur métier', new AppError(ErrorCode.CONFLICT, 'Conflit'), false],
    ['rien', null, false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
