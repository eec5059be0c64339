// The trend chart's words, in English and Japanese (severity names come from src/i18n/severity.ts).
import { catalogue, type Localized } from '../i18n/locale.ts';
import en from './chart-text.en.json' with { type: 'json' };
import ja from './chart-text.ja.json' with { type: 'json' };

export const CHART_TEXT = catalogue(en.CHART_TEXT, ja.CHART_TEXT) satisfies Record<string, Localized>;
