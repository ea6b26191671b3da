import { checkTransition, heldByAnother, isFinal } from './justificatif.machine';

describe('justificatif state machine', () => {
  it.each([
    ['RECEIVED', 'VALIDATED', { allowed: true, to: 'VALIDATED' }],
    ['RECEIVED', 'REJECTED', { allowed: true, to: 'REJECTED' }],
    ['RECEIVED', 'ASSIGNED', { allowed: true, to: 'RECEIVED' }],
    ['RECEIVED', 'RELEASED', { allowed: true, to: 'RECEIVED' }],
    ['VALIDATED', 'REJECTED', { allowed: false, reason: 'Le justificatif est déjà validé.' }],
    ['VALIDATED', 'VALIDATED', { allowed: false, reason: 'Le justificatif est déjà validé.' }],
    ['REJECTED', 'VALIDATED', { allowed: false, reason: 'Le justificatif est déjà rejeté.' }],
    ['REJECTED', 'ASSIGNED', { allowed: false, reason: 'Le justificatif est déjà rejeté.' }],
    ['VALIDATED', 'REOPENED', { allowed: true, to: 'RECEIVED' }],
    ['REJECTED', 'REOPENED', { allowed: true, to: 'RECEIVED' }],
    ['VALIDATED', 'REVERSED', { allowed: true, to: 'REJECTED' }],
    ['REJECTED', 'REVERSED', { allowed: true, to: 'VALIDATED' }],
    ['RECEIVED', 'REOPENED', { allowed: false, reason: "Le justificatif n'a pas encore été décidé." }],
    ['RECEIVED', 'REVERSED', { allowed: false, reason: "Le justificatif n'a pas encore été décidé." }],
    ['RECEIVED', 'OPINION_ASKED', { allowed: true, to: 'RECEIVED' }],
    ['RECEIVED', 'OPINION_ANSWERED', { allowed: true, to: 'RECEIVED' }],
    ['VALIDATED', 'OPINION_ASKED', { allowed: false, reason: 'Le justificatif est déjà validé.' }],
    ['REJECTED', 'OPINION_ANSWERED', { allowed: false, reason: 'Le justificatif est déjà rejeté.' }],
  ] as const)('%s --%s--> %j', (from, action, expected) => {
    expect(checkTransition(from, action)).toEqual(expected);
  });

  it('treats decided states as final', () => {
    expect([isFinal('RECEIVED'), isFinal('VALIDATED'), isFinal('REJECTED')]).toEqual([false, true, true]);
  });
});

describe('who may decide a piece', () => {
  it('lets anyone decide a piece nobody holds, and its holder decide a held one', () => {
    expect(heldByAnother(null, 7)).toBe(false);
    expect(heldByAnother(7, 7)).toBe(false);
  });

  it('keeps a piece a colleague has taken for that colleague', () => {
    expect(heldByAnother(8, 7)).toBe(true);
  });
});
