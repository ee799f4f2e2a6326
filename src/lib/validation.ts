// Input checks shared by the modules.
import type { InputChecker } from './errors.js';

export function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value.trim()).protocol);
  } catch {
    return false;
  }
}

/** Non-empty text of at most `max` characters. */
export function checkText(check: InputChecker, value: string | null | undefined, path: (string | number)[], max = 5000): InputChecker {
  return check
    .check(!!value && value.trim().length > 0, path, 'Must not be empty')
    .check(!value || value.length <= max, path, `Must have at most ${max} characters`);
}
