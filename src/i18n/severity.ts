// The severity names every renderer shows (Slack, the report, the terminal), in both locales.
import type { Severity } from '../engine/types.ts';
import { catalogue, type Localized } from './locale.ts';
import en from './severity.en.json' with { type: 'json' };
import ja from './severity.ja.json' with { type: 'json' };

export const SEVERITY_NAMES: Record<Severity, Localized> = catalogue(en.SEVERITY_NAMES, ja.SEVERITY_NAMES);
