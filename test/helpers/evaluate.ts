// Runs a check's pure evaluate function against plain inventory objects, as the engine would.
import { defaultSettings, type Settings } from '../../src/config/schema.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { registerWords, sayIn } from '../../src/i18n/message.ts';
import type { AnyCollector, CheckDefinition, CheckResult, DataOf } from '../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../src/engine/types.ts';
import { resultOf } from '../../src/engine/result.ts';

export const TEST_ACCOUNT = '123456789012';
export const TEST_NOW = new Date('2026-11-25T00:00:00Z');

export interface EvaluateOptions {
  region?: string;
  settings?: Partial<Settings>;
  now?: Date;
  locale?: Locale;
}

export function evaluate<const N extends readonly AnyCollector[]>(
  check: CheckDefinition<N>,
  data: DataOf<N>,
  options: EvaluateOptions = {},
): CheckResult[] {
  const locale = options.locale ?? 'en';
  const settings = defaultSettings({ ...options.settings, locale });
  const now = options.now ?? TEST_NOW;
  if (check.words) registerWords(check.id, check.words);
  return check
    .evaluate(data, {
      accountId: TEST_ACCOUNT,
      region: options.region ?? GLOBAL_REGION,
      settings,
      clock: { now: () => now },
      locale,
      say: sayIn(check.id),
    })
    .map((draft) => resultOf(check, TEST_ACCOUNT, draft, locale));
}

export const failing = (results: CheckResult[]) => results.filter((r) => r.status === 'FAIL');
