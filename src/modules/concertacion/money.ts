// Money of the concertaciones: pesos with two decimals, exact (Prisma.Decimal in the code, decimal(12,2) in
// the database). The API reads and writes it as decimal text ("12500.00") so no client loses a centavo to
// floating point.
import { Prisma } from '../../generated/prisma/client.js';
import type { InputChecker } from '../../lib/errors.js';

const PESOS = /^\d{1,10}(\.\d{1,2})?$/;

/** Checks a money input: zero or more pesos, at most two decimals, below 10,000,000,000. */
export function checkPesos(check: InputChecker, value: string, path: (string | number)[], positive = false): InputChecker {
  const ok = PESOS.test(value.trim());
  check.check(ok, path, 'Must be an amount in pesos with at most two decimals (e.g. 12500.00)');
  if (ok && positive) check.check(new Prisma.Decimal(value.trim()).gt(0), path, 'Must be above zero');
  return check;
}

export const pesos = (value: string): Prisma.Decimal => new Prisma.Decimal(value.trim());

/** The amount as decimal text with two decimals, or null. */
export const pesosText = (value: Prisma.Decimal | null | undefined): string | null => (value == null ? null : value.toFixed(2));
