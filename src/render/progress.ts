// "IAM done · S3 4/12 buckets · EC2 2/17 regions": the progress line the CLI (stderr) and Slack show.
import { SERVICES, type ScanProgress } from '../engine/types.ts';
import type { Locale, Localized } from '../i18n/locale.ts';

const SERVICE_NAMES: Record<string, Localized> = {
  iam: { en: 'IAM', ja: 'IAM' },
  s3: { en: 'S3', ja: 'S3' },
  ec2: { en: 'EC2', ja: 'EC2' },
  ssm: { en: 'SSM', ja: 'SSM' },
  detect: { en: 'Detection', ja: '脅威検出' },
};

const UNITS: Record<string, Localized> = {
  regions: { en: 'regions', ja: 'リージョン' },
  buckets: { en: 'buckets', ja: 'バケット' },
  checks: { en: 'checks', ja: 'チェック' },
  instances: { en: 'instances', ja: 'インスタンス' },
  users: { en: 'users', ja: 'ユーザー' },
};

/** A service's display name; an unknown one is shown as it is (plain text: escape it for mrkdwn). */
export function serviceName(service: string, locale: Locale): string {
  return SERVICE_NAMES[service]?.[locale] ?? service;
}

export function progressLine(progress: ScanProgress, locale: Locale): string {
  const parts: string[] = [];
  for (const service of SERVICES) {
    const p = progress[service];
    if (!p) continue;
    const name = serviceName(service, locale);
    if (p.finished) parts.push(locale === 'ja' ? `${name} 完了` : `${name} done`);
    else if (p.total > 0) parts.push(`${name} ${p.done}/${p.total} ${UNITS[p.unit]?.[locale] ?? p.unit}`);
    else parts.push(locale === 'ja' ? `${name} 開始` : `${name} starting`);
  }
  return parts.join(' · ');
}
