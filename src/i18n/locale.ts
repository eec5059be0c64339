// Every string a user reads exists in English and Japanese; texts travel as { en, ja } pairs.
export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Localized {
  en: string;
  ja: string;
}

export function pick(message: Localized, locale: Locale): string {
  return message[locale];
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
