// A finding as a scan in English stores it: its evidence worded in English, with the message behind it,
// so renderers can be shown to word it again in their own reader's language.
import { accessKeyRotation } from '../../checks/iam/access-key-rotation/check.ts';
import type { CheckResult } from '../../src/engine/types.ts';
import { activeKey, report, user } from '../checks/iam/fixtures.ts';
import { evaluate } from './evaluate.ts';

export const ENGLISH_EVIDENCE = 'alice access_key_1 was created or last rotated on 2026-07-28, 120 days ago (limit 90)';
export const JAPANESE_EVIDENCE = 'alice の access_key_1 は 2026-07-28 (120 日前) に作成またはローテーションされたままです (上限 90 日)';

export function scannedInEnglish(overrides: Partial<CheckResult> = {}): CheckResult {
  const [finding] = evaluate(accessKeyRotation, [report([user('alice', { keys: [activeKey('access_key_1', 120)] })])], { locale: 'en' });
  return { ...finding!, ...overrides };
}
