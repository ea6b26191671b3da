/**
 * Checks on what an administrator (or the operator on the command line) types about an agent.
 * Pure functions: each answers the normalised value or throws BAD_USER_INPUT naming the field.
 */
import { AGENT_ROLES, type AgentRole } from '../common/enums';
import { badInput } from '../common/errors';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 accepts any length; a bound keeps a login request from costing more than a normal one. */
export const PASSWORD_MAX_LENGTH = 256;
export const CAISSE_CODE_PATTERN = /^\d{3}$|^2[AB]\d$/;
const EMAIL_PATTERN =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const EMAIL_MAX_LENGTH = 200;
const DISPLAY_NAME_MAX_LENGTH = 120;

/** E-mails are compared case-insensitively: they are stored trimmed and in lower case. */
export const normalizeEmail = (raw: string): string => raw.trim().toLowerCase();

export function validateEmail(raw: string): string {
  const email = normalizeEmail(raw);
  if (email.length === 0) throw badInput("L'adresse e-mail est obligatoire.", 'email');
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw badInput(`Adresse e-mail invalide : « ${email.slice(0, 60)} ».`, 'email');
  }
  return email;
}

export function validatePassword(password: string): string {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw badInput(`Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`, 'password');
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw badInput(`Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`, 'password');
  }
  if (password.trim().length === 0) throw badInput('Le mot de passe ne peut pas être fait que d’espaces.', 'password');
  return password;
}

export function validateRole(raw: string): AgentRole {
  const role = raw.trim().toUpperCase();
  if (!(AGENT_ROLES as readonly string[]).includes(role)) {
    throw badInput(`Rôle inconnu : « ${raw.slice(0, 30)} ». Rôles possibles : ${AGENT_ROLES.join(', ')}.`, 'role');
  }
  return role as AgentRole;
}

export function validateCaisseCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!CAISSE_CODE_PATTERN.test(code)) {
    throw badInput(
      `Code caisse invalide : « ${raw.slice(0, 10)} ». Attendu : 3 chiffres (ex. 211) ou 2A/2B suivi d’un chiffre.`,
      'caisseCode',
    );
  }
  return code;
}

export function validateDisplayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw badInput('Le nom affiché est obligatoire.', 'displayName');
  if (name.length > DISPLAY_NAME_MAX_LENGTH) {
    throw badInput(`Le nom affiché ne doit pas dépasser ${DISPLAY_NAME_MAX_LENGTH} caractères.`, 'displayName');
  }
  return name;
}

/** 'marie.dupont@assurance-maladie.fr' → 'Marie Dupont': a default when the CLI is given no --name. */
export function displayNameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  const words = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return words.join(' ') || email;
}
