// The severity names every renderer shows (Slack, the report, the terminal), in both locales.
import type { Severity } from '../engine/types.ts';
import type { Localized } from './locale.ts';

export const SEVERITY_NAMES: Record<Severity, Localized> = {
  critical: { en: 'Critical', ja: '重大' },
  high: { en: 'High', ja: '高' },
  medium: { en: 'Medium', ja: '中' },
  low: { en: 'Low', ja: '低' },
  info: { en: 'Info', ja: '情報' },
};
