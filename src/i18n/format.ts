// Dates and numbers for people, through Intl. Days are written YYYY-MM-DD and times YYYY-MM-DD HH:MM in the
// report's time zone in both languages (unambiguous for an English and a Japanese reader alike).
import type { Locale } from './locale.ts';

/** YYYY-MM-DD of `date` as seen in `timeZone`. */
export function localDay(date: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(date));
}

/** YYYY-MM-DD HH:MM (Time/Zone) of an instant. */
export function localTime(date: Date | string, timeZone: string): string {
  return `${new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(date))} (${timeZone})`;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A count as the locale writes it (1,234). */
export function formatNumber(locale: Locale, n: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(n);
}
