import type { AgentRole } from '../common/enums';
import { OPINION_TEXT_MAX, answerRefusal, checkAdviser, checkText } from './opinion';

const agent = (id: number, role: AgentRole, caisseCode = '211', nationalScope = false, active = true) => ({
  id,
  role,
  caisseCode,
  nationalScope,
  active,
});

describe('who may be asked for an opinion on a piece of caisse 211, by agent 1', () => {
  it.each([
    ['a conseiller of the caisse', agent(2, 'CONSEILLER'), null],
    ['a superviseur of the caisse', agent(2, 'SUPERVISEUR'), null],
    ['a national superviseur', agent(2, 'SUPERVISEUR', '751', true), null],
    ['oneself', agent(1, 'CONSEILLER'), 'Vous ne pouvez pas vous demander un avis à vous-même.'],
    ['nobody (unknown id)', null, 'Cet agent ne peut pas être sollicité'],
    ['a conseiller of another caisse', agent(2, 'CONSEILLER', '751'), 'Cet agent ne peut pas être sollicité'],
    ['a superviseur of another caisse', agent(2, 'SUPERVISEUR', '751'), 'Cet agent ne peut pas être sollicité'],
    ['a national conseiller of another caisse', agent(2, 'CONSEILLER', '751', true), 'Cet agent ne peut pas'],
    ['a DAM of the caisse', agent(2, 'DAM'), 'Cet agent ne peut pas être sollicité'],
    ['an administrateur of the caisse', agent(2, 'ADMIN'), 'Cet agent ne peut pas être sollicité'],
    ['a disabled conseiller', agent(2, 'CONSEILLER', '211', false, false), 'Cet agent ne peut pas être sollicité'],
  ] as const)('%s', (_case, adviser, message) => {
    const refused = checkAdviser(adviser, 1, '211');
    if (message === null) expect(refused).toBeNull();
    else {
      expect(refused?.message).toContain(message);
      expect(refused?.field).toBe('toAgentId');
    }
  });
});

describe('the text of a question or an answer', () => {
  it.each([
    ['  La facture est-elle nominative ?  ', 'question', { text: 'La facture est-elle nominative ?' }],
    ['   ', 'question', { code: 'EMPTY_TEXT', message: 'La question est vide.', field: 'question' }],
    ['', 'answer', { code: 'EMPTY_TEXT', message: 'La réponse est vide.', field: 'answer' }],
    [
      'x'.repeat(OPINION_TEXT_MAX + 1),
      'answer',
      { code: 'TEXT_TOO_LONG', message: 'La réponse dépasse 2 000 caractères.', field: 'answer' },
    ],
    ['x'.repeat(OPINION_TEXT_MAX), 'question', { text: 'x'.repeat(OPINION_TEXT_MAX) }],
  ] as const)('%j as %s', (raw, field, expected) => {
    expect(checkText(raw, field)).toEqual(expected);
  });
});

describe('whether a request can still be answered', () => {
  it.each([
    ['PENDING', null],
    ['ANSWERED', 'Cet avis a déjà reçu une réponse : elle figure dans l’historique de la pièce.'],
    ['CLOSED', 'Cette demande d’avis est close : la pièce a été décidée ou a changé de main entre-temps.'],
  ] as const)('%s', (status, message) => {
    expect(answerRefusal(status)?.message ?? null).toBe(message);
  });
});
