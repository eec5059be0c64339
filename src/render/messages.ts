// Terminal and file output words, in both locales.
import { SEVERITIES, type Severity, type Status } from '../engine/types.ts';
import { SEVERITY_NAMES } from '../i18n/severity.ts';
import { catalogue, type Localized } from '../i18n/locale.ts';
import en from './messages.en.json' with { type: 'json' };
import ja from './messages.ja.json' with { type: 'json' };

/** The terminal writes severities in English as the catalogue does (`critical`), so scripts can match them. */
export const SEVERITY_LABEL = Object.fromEntries(
  SEVERITIES.map((s) => [s, { en: s, ja: SEVERITY_NAMES[s].ja }]),
) as Record<Severity, Localized>;

export const STATUS_LABEL: Record<Status, Localized> = catalogue(en.STATUS_LABEL, ja.STATUS_LABEL);

export const CLI_TEXT = catalogue(en.CLI_TEXT, ja.CLI_TEXT) satisfies Record<string, Localized>;
