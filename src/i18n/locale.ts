// The one language layer for UI text. Every string a user reads exists in English and Japanese and is
// defined as a `Localized` pair in a catalogue beside the code that shows it: fixed sentences in its words
// files (`<name>.en.json`, `<name>.ja.json`, for translators), sentences built from values as functions in the
// catalogue's module. `t(locale, message)` is the only way to read one. Counts go through `plural`
// (Intl.PluralRules), never a hand-made "(s)".
import { formatNumber } from './format.ts';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Localized {
  en: string;
  ja: string;
}

export type Placeholders = Readonly<Record<string, string | number>>;

/** The forms a count can take; `one` is used only where the locale's plural rules say so (never in Japanese). */
export interface PluralForms {
  one?: string;
  other: string;
}

/** A catalogue entry whose words depend on `{count}`: each locale's forms, chosen by Intl.PluralRules. */
export interface Counted {
  en: PluralForms;
  ja: PluralForms;
}

/**
 * The locale's text, with any `{name}` placeholders filled from `values` (unknown names stay as written).
 * A `Counted` entry picks its plural form by `values.count` first.
 */
export function t(locale: Locale, message: Localized, values?: Placeholders): string;
export function t(locale: Locale, message: Counted, values: Placeholders & { count: number }): string;
export function t(locale: Locale, message: Localized | Counted, values?: Placeholders): string {
  const entry = message[locale];
  const text = typeof entry === 'string' ? entry : plural(locale, Number(values?.count), entry);
  if (values === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The form of `forms` the locale's plural rules choose for `count` ("1 finding", "2 findings"). */
export function plural(locale: Locale, count: number, forms: PluralForms): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' && forms.one !== undefined ? forms.one : forms.other;
}

/** "1 check", "2 checks": the count and its noun in the form the locale's plural rules choose. */
export function count(locale: Locale, n: number, forms: PluralForms): string {
  return `${formatNumber(locale, n)} ${plural(locale, n, forms)}`;
}

type Forms = string | PluralForms;

/** What t() reads for each key of a words file: a pair, or a pair of plural forms. */
export type Catalogue<E> = { readonly [K in keyof E]: E[K] extends string ? Localized : Counted };

/**
 * A catalogue from its words files (`<name>.en.json` and `<name>.ja.json` beside the code, one section per
 * catalogue): the fixed sentences live there for translators; only sentences built from values stay in code.
 * The two languages must have the same keys, checked when the module loads.
 */
export function catalogue<E extends Record<string, Forms>>(en: E, ja: Record<string, Forms>): Catalogue<E> {
  const missing = [...Object.keys(en).filter((k) => !(k in ja)), ...Object.keys(ja).filter((k) => !(k in en))];
  if (missing.length > 0) throw new Error(`the English and Japanese words differ in ${missing.join(', ')}`);
  return Object.fromEntries(Object.keys(en).map((key) => [key, { en: en[key], ja: ja[key] }])) as Catalogue<E>;
}
