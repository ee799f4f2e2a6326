// The password policy (docs/accounts.md#passwords): long rather than complex,
// as NIST SP 800-63B recommends — at least PASSWORD_MIN_LENGTH characters, at
// most 256 (scrypt's work grows with it), not built from the account's e-mail
// or name, not one of the most common passwords, and not a run of a few
// characters. Messages are in Spanish: they are shown to the person.
import type { InputIssue } from '../errors.js';

const COMMON = new Set([
  '123456789012',
  'contraseña123',
  'contrasena123',
  'password1234',
  'qwertyuiop12',
  'conalep12345',
  'conocer12345',
  'administrador',
  'bienvenido123',
  '1234567890123',
  'abcdefghijkl',
  'mexico123456',
]);

export function passwordIssues(
  password: string,
  person: { email: string; fullName?: string },
  minLength: number,
  path: (string | number)[],
): InputIssue[] {
  const issues: string[] = [];
  const chars = [...password];
  const lower = password.toLowerCase();
  if (chars.length < minLength) issues.push(`Debe tener al menos ${minLength} caracteres`);
  if (chars.length > 256) issues.push('Debe tener como máximo 256 caracteres');
  if (new Set(chars).size < 5) issues.push('Usa más caracteres distintos');
  if (COMMON.has(lower)) issues.push('Es una contraseña demasiado común');
  const local = person.email.split('@')[0].toLowerCase();
  const names = [local, ...(person.fullName ?? '').toLowerCase().split(/\s+/)].filter((w) => w.length >= 4);
  if (names.some((w) => lower.includes(w))) issues.push('No debe contener tu correo ni tu nombre');
  return issues.length ? [{ path, message: issues.join('; ') }] : [];
}
