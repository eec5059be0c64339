// The trend chart's words, in English and Japanese (severity names come from src/i18n/severity.ts).
import type { Localized } from '../i18n/locale.ts';

export const CHART_TEXT = {
  title: { en: 'awscheck posture · last {days} days', ja: 'awscheck セキュリティ状況 · 過去 {days} 日間' },
  failing: { en: 'Failing findings by severity', ja: '重要度別の不合格数' },
  noScans: { en: 'No scans in these {days} days yet', ja: 'この {days} 日間のスキャンはまだありません' },
  fileTitle: { en: 'Posture trend {date}', ja: 'セキュリティ状況の推移 {date}' },
  altText: {
    en: 'Posture score and failing findings by severity over the last {days} days',
    ja: '過去 {days} 日間のセキュリティスコアと重要度別の不合格数',
  },
} satisfies Record<string, Localized>;
