import { accountPublicAccessBlock as accountBpa } from '../../../src/collectors/s3/account-public-access-block.ts';
import { bucketAcl } from '../../../src/collectors/s3/bucket-acl.ts';
import { bucketPolicyStatus } from '../../../src/collectors/s3/bucket-policy-status.ts';
import { bucketPublicAccessBlock as bucketBpa } from '../../../src/collectors/s3/bucket-public-access-block.ts';
import type { Bucket, Outcome } from '../../../src/collectors/s3/types.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { bucketResource } from '../lib/bucket-results.ts';
import { assessExposure, type BpaLevel, type Exposure, type PathState, type PublicGrant } from '../lib/public-exposure.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const GROUP_NAMES: Record<PublicGrant['group'], Localized> = {
  AllUsers: { en: 'everyone (AllUsers)', ja: '全員 (AllUsers)' },
  AuthenticatedUsers: { en: 'any AWS user (AuthenticatedUsers)', ja: 'すべての AWS ユーザー (AuthenticatedUsers)' },
};

function join(parts: readonly Localized[], separator: Localized): Localized {
  return { en: parts.map((p) => p.en).join(separator.en), ja: parts.map((p) => p.ja).join(separator.ja) };
}

function grantsText(grants: readonly PublicGrant[]): Localized {
  const byGroup = new Map<PublicGrant['group'], string[]>();
  for (const g of grants) byGroup.set(g.group, [...(byGroup.get(g.group) ?? []), g.permission]);
  const parts = [...byGroup].map(([group, permissions]) => ({
    en: `${permissions.join(', ')} to ${GROUP_NAMES[group].en}`,
    ja: `${GROUP_NAMES[group].ja} に ${permissions.join('、')}`,
  }));
  return join(parts, { en: ', ', ja: '、' });
}

const LEVELS = {
  account: { en: 'account-level', ja: 'アカウントレベルの' },
  bucket: { en: 'bucket-level', ja: 'バケットレベルの' },
  both: { en: 'account- and bucket-level', ja: 'アカウントレベルとバケットレベルの' },
} satisfies Record<string, Localized>;

function byText(by: readonly BpaLevel[], setting: string): Localized {
  const level = LEVELS[by.length === 2 ? 'both' : (by[0] ?? 'bucket')];
  return { en: `the ${level.en} ${setting}`, ja: `${level.ja} ${setting}` };
}

/** How a path reads on its own, and (in Japanese) the form that continues with "but ...". */
interface PathText extends Localized {
  jaBut: string;
}

const POLICY_PUBLIC: PathText = {
  en: 'its bucket policy is public (AWS policy evaluation)',
  ja: 'バケットポリシーがパブリックです (AWS のポリシー評価による)',
  jaBut: 'バケットポリシーはパブリックですが',
};

function aclPublic(grants: readonly PublicGrant[]): PathText {
  const what = grantsText(grants);
  return { en: `its ACL grants ${what.en}`, ja: `ACL で${what.ja} を許可しています`, jaBut: `ACL で${what.ja} を許可していますが` };
}

function neutralised(path: PathText, by: readonly BpaLevel[], setting: string): Localized {
  const who = byText(by, setting);
  return { en: `${path.en}, neutralised by ${who.en}`, ja: `${path.jaBut}、${who.ja} により無効化されています` };
}

function unknownReason(state: Extract<PathState, { state: 'unknown' }>, path: PathText, what: Localized): Localized {
  if (state.reason === 'unreadable') return { en: `${what.en} could not be read (${state.error})`, ja: `${what.ja}を取得できませんでした (${state.error})` };
  return { en: `${path.en} but its Block Public Access could not be read (${state.error})`, ja: `${path.jaBut}、ブロックパブリックアクセスを取得できませんでした (${state.error})` };
}

function evidence(bucket: Bucket, exposure: Exposure): Localized {
  const paths = [
    { state: exposure.policy, text: POLICY_PUBLIC, setting: 'RestrictPublicBuckets', what: { en: 'the bucket policy status', ja: 'バケットポリシーのステータス' } },
    { state: exposure.acl, text: aclPublic(exposure.publicGrants), setting: 'IgnorePublicAcls', what: { en: 'the ACL', ja: 'ACL' } },
  ];
  const exposed = paths.filter((p) => p.state.state === 'exposed').map((p) => p.text);
  const neutral = paths.flatMap((p) => (p.state.state === 'neutralised' ? [neutralised(p.text, p.state.by, p.setting)] : []));
  const unknown = paths.flatMap((p) => (p.state.state === 'unknown' ? [unknownReason(p.state, p.text, p.what)] : []));
  const name = bucket.name;
  if (exposure.status === 'FAIL') {
    const why = join(exposed, { en: ' and ', ja: '。また、' });
    const also = neutral.length > 0 ? join(neutral, { en: '; ', ja: '。' }) : undefined;
    return {
      en: `Bucket ${name} is public: ${why.en}, not neutralised by Block Public Access${also ? `; ${also.en}` : ''}`,
      ja: `バケット ${name} はパブリックです: ${why.ja} (ブロックパブリックアクセスで無効化されていません)${also ? `。${also.ja}` : ''}`,
    };
  }
  if (exposure.status === 'ERROR') {
    const why = join(unknown, { en: '; ', ja: '。' });
    return {
      en: `Could not tell whether bucket ${name} is public: ${why.en}`,
      ja: `バケット ${name} がパブリックかどうか判断できませんでした: ${why.ja}`,
    };
  }
  if (neutral.length > 0) {
    const why = join(neutral, { en: '; ', ja: '。' });
    return { en: `Bucket ${name} is not effectively public: ${why.en}`, ja: `バケット ${name} は実質的にパブリックではありません: ${why.ja}` };
  }
  return {
    en: `Bucket ${name} is not public: no public bucket policy and no ACL grants to AllUsers or AuthenticatedUsers`,
    ja: `バケット ${name} はパブリックではありません: パブリックなバケットポリシーも、AllUsers や AuthenticatedUsers への ACL 許可もありません`,
  };
}

function valueOrNull<T>(outcome: Outcome<T>): T | null {
  return outcome.ok ? outcome.value : null;
}

export const bucketPublic = defineCheck({
  id: 's3.bucket-public',
  service: 's3',
  severity: 'critical',
  cis: [],
  securityHub: ['S3.2', 'S3.3'],
  fix: 's3.block-bucket-public-access',
  scope: 'global',
  needs: [bucketPolicyStatus, bucketAcl, bucketBpa, accountBpa],
  ...checkTexts(en, ja),
  evaluate([statuses, acls, bpas, account], ctx) {
    const aclOf = new Map(acls.map((o) => [o.bucket.name, o.outcome]));
    const bpaOf = new Map(bpas.map((o) => [o.bucket.name, o.outcome]));
    const missing = { ok: false as const, error: 'no data collected for this bucket' };
    return statuses.map(({ bucket, outcome: status }): ResultDraft => {
      const acl = aclOf.get(bucket.name) ?? missing;
      const bpa = bpaOf.get(bucket.name) ?? missing;
      const exposure = assessExposure(status, acl, bpa, account.config);
      return {
        ...bucketResource(bucket),
        status: exposure.status,
        evidence: ctx.text(evidence(bucket, exposure)),
        details: {
          policy: exposure.policy,
          acl: exposure.acl,
          hasPolicy: status.ok ? status.value.hasPolicy : null,
          policyIsPublic: status.ok ? status.value.isPublic : null,
          publicAclGrants: exposure.publicGrants,
          bucketPublicAccessBlock: valueOrNull(bpa),
          accountPublicAccessBlock: account,
          errors: [status, acl, bpa].flatMap((o) => (o.ok ? [] : [o.error])),
        },
      };
    });
  },
});
