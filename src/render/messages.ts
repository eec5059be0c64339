// Terminal and file output words, in both locales.
import { SEVERITIES, type Severity, type Status } from '../engine/types.ts';
import { SEVERITY_NAMES } from '../i18n/severity.ts';
import type { Localized } from '../i18n/locale.ts';

/** The terminal writes severities in English as the catalogue does (`critical`), so scripts can match them. */
export const SEVERITY_LABEL = Object.fromEntries(
  SEVERITIES.map((s) => [s, { en: s, ja: SEVERITY_NAMES[s].ja }]),
) as Record<Severity, Localized>;

export const STATUS_LABEL: Record<Status, Localized> = {
  FAIL: { en: 'FAIL', ja: '不合格' },
  PASS: { en: 'PASS', ja: '合格' },
  ERROR: { en: 'ERROR', ja: 'エラー' },
  MUTED: { en: 'MUTED', ja: 'リスク受容' },
};

export const CLI_TEXT = {
  title: { en: 'awscheck scan', ja: 'awscheck スキャン' },
  none: { en: 'none', ja: 'なし' },
  failing: { en: 'Failing', ja: '不合格' },
  passed: { en: 'passed', ja: '合格' },
  muted: { en: 'accepted risks', ja: 'リスク受容' },
  errorsFirst: {
    en: 'Some checks could not run; their results are unknown, not passed:',
    ja: '一部のチェックを実行できませんでした。結果は「合格」ではなく「不明」です:',
  },
  allClear: { en: 'No failing findings.', ja: '不合格の項目はありません。' },
  checksHeader: { en: 'ID\tSEVERITY\tCIS\tSECURITY HUB\tTITLE', ja: 'ID\t重要度\tCIS\tSECURITY HUB\tタイトル' },
} satisfies Record<string, Localized>;
