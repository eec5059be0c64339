import { accountPublicAccessBlock as accountBpa } from '../../../src/collectors/s3/account-public-access-block.ts';
import { bucketAcl } from '../../../src/collectors/s3/bucket-acl.ts';
import { bucketPolicyStatus } from '../../../src/collectors/s3/bucket-policy-status.ts';
import { bucketPublicAccessBlock as bucketBpa } from '../../../src/collectors/s3/bucket-public-access-block.ts';
import type { Bucket, Outcome } from '../../../src/collectors/s3/types.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { bucketResource } from '../lib/bucket-results.ts';
import { assessExposure, type Exposure, type PathState, type PublicGrant } from '../lib/public-exposure.ts';
import { listOf, type ListItem } from '../../lib/list.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const GRANT_KEYS: Record<PublicGrant['group'], string> = { AllUsers: 'grantAllUsers', AuthenticatedUsers: 'grantAuthenticatedUsers' };

function grantsText(grants: readonly PublicGrant[], ctx: EvaluateContext): ListItem {
  const byGroup = new Map<PublicGrant['group'], string[]>();
  for (const g of grants) byGroup.set(g.group, [...(byGroup.get(g.group) ?? []), g.permission]);
  const parts = [...byGroup].map(([group, permissions]) => ctx.say(GRANT_KEYS[group], { permissions: listOf(ctx, 's3:list', permissions) }));
  return listOf(ctx, 's3:list', parts);
}

const LEVEL_KEYS = { account: 'levelAccount', bucket: 'levelBucket', both: 'levelBoth' } as const;

/** Each path's sentences: the policy's Block Public Access setting is RestrictPublicBuckets, the ACL's IgnorePublicAcls. */
const PATH_KEYS = {
  policy: { exposed: 'policyPublic', neutralised: 'policyNeutralised', unreadable: 'policyUnreadable', bpaUnreadable: 'policyBpaUnreadable' },
  acl: { exposed: 'aclPublic', neutralised: 'aclNeutralised', unreadable: 'aclUnreadable', bpaUnreadable: 'aclBpaUnreadable' },
} as const;

type PathName = keyof typeof PATH_KEYS;

/** How one path reads, or undefined when it is private (nothing to say). */
function pathText(name: PathName, state: PathState, exposure: Exposure, ctx: EvaluateContext): Message | undefined {
  const keys = PATH_KEYS[name];
  // What the ACL grants is only named when the ACL is public, so the list is never empty.
  const publicParams = () => (name === 'acl' ? { grants: grantsText(exposure.publicGrants, ctx) } : {});
  switch (state.state) {
    case 'private':
      return undefined;
    case 'exposed':
      return ctx.say(keys.exposed, publicParams());
    case 'neutralised': {
      const level = ctx.say(LEVEL_KEYS[state.by.length === 2 ? 'both' : (state.by[0] ?? 'bucket')]);
      return ctx.say(keys.neutralised, { ...publicParams(), level });
    }
    case 'unknown':
      return state.reason === 'unreadable'
        ? ctx.say(keys.unreadable, { error: state.error })
        : ctx.say(keys.bpaUnreadable, { ...publicParams(), error: state.error });
  }
}

function evidence(bucket: Bucket, exposure: Exposure, ctx: EvaluateContext): Message {
  const paths = [
    { name: 'policy', state: exposure.policy },
    { name: 'acl', state: exposure.acl },
  ] as const;
  const texts = (wanted: PathState['state']) =>
    paths.filter((p) => p.state.state === wanted).flatMap((p) => pathText(p.name, p.state, exposure, ctx) ?? []);
  const exposed = texts('exposed');
  const neutral = texts('neutralised');
  const unknown = texts('unknown');
  const name = bucket.name;
  if (exposure.status === 'FAIL') {
    const why = listOf(ctx, 'exposedList', exposed);
    return neutral.length > 0
      ? ctx.say('publicAlso', { bucket: name, why, also: listOf(ctx, 'reasonList', neutral) })
      : ctx.say('public', { bucket: name, why });
  }
  if (exposure.status === 'ERROR') return ctx.say('unknown', { bucket: name, why: listOf(ctx, 'reasonList', unknown) });
  if (neutral.length > 0) return ctx.say('neutralised', { bucket: name, why: listOf(ctx, 'reasonList', neutral) });
  return ctx.say('notPublic', { bucket: name });
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
        evidence: evidence(bucket, exposure, ctx),
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
