// Business days in Mexico: Monday to Friday, minus the official holidays of
// the Ley Federal del Trabajo (art. 74) as the maintained `date-holidays`
// library lists them (type "public"), minus the days an institution declares
// closed (CONOCER's `CierreConocer` rows; Holy Week, 2 November and 12
// December are only closed when declared). Days are calendar days in Mexico
// City; a deadline of N business days ends at the last instant of the Nth
// business day after the day something was received.
// (docs/decisions/022-contacto-jobs-business-days-mail.md)
import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';

export const BUSINESS_TIME_ZONE = 'America/Mexico_City';

let holidays: HolidaysType | undefined;
/**
 * The library's calendar for Mexico, loaded on the first date asked: it holds every country's rules (some 20 MiB),
 * which a process that computes no deadline never needs (docs/performance.md, idle memory).
 */
function calendar(): HolidaysType {
  if (!holidays) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysType;
    holidays = new Holidays('MX');
  }
  return holidays;
}
const holidayCache = new Map<number, Map<string, string>>();

/** Mexico's official holidays of a year, by local day ("2026-02-02" → "Día de la Constitución"). */
export function officialHolidays(year: number): ReadonlyMap<string, string> {
  let days = holidayCache.get(year);
  if (!days) {
    days = new Map(
      calendar()
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    holidayCache.set(year, days);
  }
  return days;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: BUSINESS_TIME_ZONE, timeZoneName: 'longOffset' });

/** The day an instant falls on in Mexico City, as "YYYY-MM-DD". */
export function localDay(at: Date): string {
  return dayFormat.format(at);
}

/** "YYYY-MM-DD" + n calendar days. */
export function shiftDay(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Minutes Mexico City is ahead of UTC at that instant (e.g. -360). */
function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The first instant of a local day in Mexico City. */
export function startOfLocalDay(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  return new Date(guess.getTime() - offsetMinutes(new Date(guess.getTime() + 12 * 3600_000)) * 60_000);
}

/** The last instant (…59.999) of a local day in Mexico City. */
export function endOfLocalDay(day: string): Date {
  return new Date(startOfLocalDay(shiftDay(day, 1)).getTime() - 1);
}

/** A calendar of business days: weekends, official holidays and the declared closures are off. */
export class BusinessCalendar {
  private readonly closures: ReadonlySet<string>;

  constructor(closures: Iterable<string> = []) {
    this.closures = new Set(closures);
  }

  /** Why a day is not a business day ("sábado", the holiday's name, "cierre declarado"), or null if it is one. */
  dayOff(day: string): string | null {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0) return 'domingo';
    if (weekday === 6) return 'sábado';
    const holiday = officialHolidays(Number(day.slice(0, 4))).get(day);
    if (holiday) return holiday;
    return this.closures.has(day) ? 'cierre declarado' : null;
  }

  isBusinessDay(day: string): boolean {
    return this.dayOff(day) === null;
  }

  /** The Nth business day after the local day of `from` (N ≥ 1), as "YYYY-MM-DD". */
  nthBusinessDayAfter(from: Date, n: number): string {
    let day = localDay(from);
    for (let left = n; left > 0;) {
      day = shiftDay(day, 1);
      if (this.isBusinessDay(day)) left--;
    }
    return day;
  }

  /** The deadline of "within N business days of `from`": the end of the Nth business day after it. */
  deadline(from: Date, n: number): Date {
    return endOfLocalDay(this.nthBusinessDayAfter(from, n));
  }

  /** Business days after the local day of `from` up to and including the local day of `to` (0 when on the same day or before). */
  businessDaysBetween(from: Date, to: Date): number {
    const last = localDay(to);
    let count = 0;
    for (let day = shiftDay(localDay(from), 1); day <= last; day = shiftDay(day, 1)) if (this.isBusinessDay(day)) count++;
    return count;
  }
}

/** Reads the declared closures (any table with a `fecha` date column) into a calendar. */
export async function loadBusinessCalendar(read: () => Promise<{ fecha: Date }[]>): Promise<BusinessCalendar> {
  const rows = await read();
  return new BusinessCalendar(rows.map((r) => r.fecha.toISOString().slice(0, 10)));
}
