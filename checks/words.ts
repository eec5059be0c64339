// Every words file rendering reads, by i18next namespace: each check's own (its id), each service's shared
// sentences (checks/<service>/lib/, namespace `<service>`) and those shared by all checks (`common`).
import type { Locale } from '../src/i18n/locale.ts';
import { ALL_CHECKS } from './index.ts';
import type { WordsFile } from './lib/words.ts';
import commonEn from './lib/words.en.json' with { type: 'json' };
import commonJa from './lib/words.ja.json' with { type: 'json' };
import ec2En from './ec2/lib/words.en.json' with { type: 'json' };
import ec2Ja from './ec2/lib/words.ja.json' with { type: 'json' };
import iamEn from './iam/lib/words.en.json' with { type: 'json' };
import iamJa from './iam/lib/words.ja.json' with { type: 'json' };
import s3En from './s3/lib/words.en.json' with { type: 'json' };
import s3Ja from './s3/lib/words.ja.json' with { type: 'json' };

/** Service namespaces: add a pair here when a service gets checks/<service>/lib/words.{en,ja}.json. */
const SERVICE_WORDS: Record<string, Record<Locale, WordsFile>> = {
  ec2: { en: ec2En, ja: ec2Ja },
  iam: { en: iamEn, ja: iamJa },
  s3: { en: s3En, ja: s3Ja },
};

/** Built when first asked for: the checks import the engine, which renders with these. */
export function WORDS(): Record<Locale, Record<string, WordsFile>> {
  const words: Record<Locale, Record<string, WordsFile>> = { en: { common: commonEn }, ja: { common: commonJa } };
  for (const [namespace, files] of Object.entries(SERVICE_WORDS)) {
    words.en[namespace] = files.en;
    words.ja[namespace] = files.ja;
  }
  for (const check of ALL_CHECKS) {
    if (!check.words) continue;
    words.en[check.id] = check.words.en;
    words.ja[check.id] = check.words.ja;
  }
  return words;
}
