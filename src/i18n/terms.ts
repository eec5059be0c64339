// Terms several texts share, translated once, so a reader meets the same word in the CLI, the report, the
// chart and Slack (and a translator reviews it once).
import { catalogue, type Localized } from './locale.ts';
import en from './terms.en.json' with { type: 'json' };
import ja from './terms.ja.json' with { type: 'json' };

export const TERMS = catalogue(en.TERMS, ja.TERMS) satisfies Record<string, Localized>;

/** What an approval request (a fix, an undo, a risk acceptance, a Fix all) can become, in every list of states. */
export const REQUEST_STATES = catalogue(en.REQUEST_STATES, ja.REQUEST_STATES) satisfies Record<string, Localized>;
