import { AppError } from '../common/errors';
import {
  displayNameFromEmail,
  validateCaisseCode,
  validateDisplayName,
  validateEmail,
  validatePassword,
  validateRole,
} from './agent-validation';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as AppError).extensions.field as string;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('agent input validation', () => {
  it('normalises e-mails and refuses malformed ones', () => {
    expect(validateEmail('  Marie.Dupont@Assurance-Maladie.FR ')).toBe('marie.dupont@assurance-maladie.fr');
    for (const bad of [
      '',
      'marie',
      'marie@',
      '@cpam.fr',
      'marie@cpam',
      'ma rie@cpam.fr',
      `${'a'.repeat(195)}@cpam.fr`,
    ]) {
      expect(fieldOf(() => validateEmail(bad))).toBe('email');
    }
  });

  it('wants passwords of 12 to 256 characters, not only spaces', () => {
    expect(validatePassword('douze-carac!')).toBe('douze-carac!');
    expect(fieldOf(() => validatePassword('onze-carac!'))).toBe('password');
    expect(fieldOf(() => validatePassword(' '.repeat(20)))).toBe('password');
    expect(fieldOf(() => validatePassword('x'.repeat(257)))).toBe('password');
  });

  it('knows the four roles', () => {
    expect(validateRole('superviseur')).toBe('SUPERVISEUR');
    expect(fieldOf(() => validateRole('ROOT'))).toBe('role');
  });

  it('accepts caisse codes of three digits and the Corsican 2A/2B codes', () => {
    expect(validateCaisseCode('211')).toBe('211');
    expect(validateCaisseCode('2a1')).toBe('2A1');
    expect(validateCaisseCode('2B0')).toBe('2B0');
    for (const bad of ['21', '2111', '2C1', 'abc', ''])
      expect(fieldOf(() => validateCaisseCode(bad))).toBe('caisseCode');
  });

  it('trims display names and derives one from the e-mail', () => {
    expect(validateDisplayName('  Marie   Dupont ')).toBe('Marie Dupont');
    expect(fieldOf(() => validateDisplayName('   '))).toBe('displayName');
    expect(displayNameFromEmail('marie.dupont@cpam.fr')).toBe('Marie Dupont');
    expect(displayNameFromEmail('jean-paul_martin@cpam.fr')).toBe('Jean Paul Martin');
  });
});
