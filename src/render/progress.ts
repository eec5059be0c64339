// "IAM done · S3 4/12 buckets · EC2 2/17 regions": the progress line the CLI (stderr) and Slack show.
import { SERVICES, type ScanProgress } from '../engine/types.ts';
import { type Locale, type Localized, t } from '../i18n/locale.ts';

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

const STATE = {
  done: { en: '{name} done', ja: '{name} 完了' },
  starting: { en: '{name} starting', ja: '{name} 開始' },
} satisfies Record<string, Localized>;

/** A service's display name; an unknown one is shown as it is (plain text: escape it for mrkdwn). */
export function serviceName(service: string, locale: Locale): string {
  const name = SERVICE_NAMES[service];
  return name ? t(locale, name) : service;
}

function unit(name: string, locale: Locale): string {
  const known = UNITS[name];
  return known ? t(locale, known) : name;
}

export function progressLine(progress: ScanProgress, locale: Locale): string {
  const parts: string[] = [];
  for (const service of SERVICES) {
    const p = progress[service];
    if (!p) continue;
    const name = serviceName(service, locale);
    if (p.finished) parts.push(t(locale, STATE.done, { name }));
    else if (p.total > 0) parts.push(`${name} ${p.done}/${p.total} ${unit(p.unit, locale)}`);
    else parts.push(t(locale, STATE.starting, { name }));
  }
  return parts.join(' · ');
}
