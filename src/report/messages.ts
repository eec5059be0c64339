// Every word of the posture report, in English and Japanese. `{name}` placeholders are filled by t().
import { catalogue, type Counted, type Localized } from '../i18n/locale.ts';
import en from './messages.en.json' with { type: 'json' };
import ja from './messages.ja.json' with { type: 'json' };

export const REPORT_TEXT = catalogue(en.REPORT_TEXT, ja.REPORT_TEXT) satisfies Record<string, Localized | Counted>;

/** The `/awscheck report` subcommand's replies. */
export const REPORT_COMMAND_TEXT = catalogue(en.REPORT_COMMAND_TEXT, ja.REPORT_COMMAND_TEXT) satisfies Record<string, Localized>;
