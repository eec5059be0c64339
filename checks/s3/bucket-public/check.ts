import { accountPublicAccessBlock as accountBpa } from '../../../src/collectors/s3/account-public-access-block.ts';
import { bucketAcl } from '../../../src/collectors/s3/bucket-acl.ts';
import { bucketPolicyStatus } from '../../../src/collectors/s3/bucket-policy-status.ts';
import { bucketPublicAccessBlock as bucketBpa } from '../../../src/collectors/s3/bucket-public-access-block.ts';
import type { Bucket, Outcome } from '../../../src/collectors/s3/types.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { bucketResource } from '../lib/bucket-results.ts';
import { assessExposure, type BpaLevel, type Exposure, type PathState, type PublicGrant } from '../lib/public-exposure.ts';
import { joined } from '../../lib/list.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** What the ACL grants to whom, one part per public group: "READ, WRITE to everyone (AllUsers)". */
function grantsText(grants: readonly PublicGrant[], ctx: EvaluateContext): Message[] {
  const byGroup = new Map<PublicGrant['group'], string[]>();
  for (const g of grants) byGroup.set(g.group, [...(byGroup.get(g.group) ?? []), g.permission]);
  return [...byGroup].map(([group, permissions]) =>
    group === 'AllUsers' ? ctx.say('grantAllUsers', { permissions }) : ctx.say('grantAuthenticatedUsers', { permissions }),
  );
}

function levelText(by: readonly BpaLevel[], ctx: EvaluateContext): Message {
  if (by.length === 2) return ctx.say('levelBoth');
  return by[0] === 'account' ? ctx.say('levelAccount') : ctx.say('levelBucket');
}

/** How the policy path reads (its Block Public Access setting is RestrictPublicBuckets), or nothing when private. */
function policyText(state: PathState, ctx: EvaluateContext): Message | undefined {
  switch (state.state) {
    case 'private':
      return undefined;
    case 'exposed':
      return ctx.say('policyPublic');
    case 'neutralised':
      return ctx.say('policyNeutralised', { level: levelText(state.by, ctx) });
    case 'unknown':
      return state.reason === 'unreadable' ? ctx.say('policyUnreadable', { error: state.error }) : ctx.say('policyBpaUnreadable', { error: state.error });
  }
}

/** How the ACL path reads (its setting is IgnorePublicAcls); what it grants is only named when it is public. */
function aclText(state: PathState, publicGrants: readonly PublicGrant[], ctx: EvaluateContext): Message | undefined {
  switch (state.state) {
    case 'private':
      return undefined;
    case 'exposed':
      return ctx.say('aclPublic', { grants: grantsText(publicGrants, ctx) });
    case 'neutralised':
      return ctx.say('aclNeutralised', { grants: grantsText(publicGrants, ctx), level: levelText(state.by, ctx) });
    case 'unknown':
      return state.reason === 'unreadable'
        ? ctx.say('aclUnreadable', { error: state.error })
        : ctx.say('aclBpaUnreadable', { grants: grantsText(publicGrants, ctx), error: state.error });
  }
}

function evidence(bucket: Bucket, exposure: Exposure, ctx: EvaluateContext): Message {
  const paths = [
    { state: exposure.policy, text: () => policyText(exposure.policy, ctx) },
    { state: exposure.acl, text: () => aclText(exposure.acl, exposure.publicGrants, ctx) },
  ];
  const texts = (wanted: PathState['state']) => paths.filter((p) => p.state.state === wanted).flatMap((p) => p.text() ?? []);
  const exposed = texts('exposed');
  const neutral = texts('neutralised');
  const unknown = texts('unknown');
  const reasons = (parts: readonly Message[]) => joined(parts, (first, rest) => ctx.say('reasonList', { first, rest }));
  const name = bucket.name;
  if (exposure.status === 'FAIL') {
    const why = joined(exposed, (first, rest) => ctx.say('exposedList', { first, rest }));
    return neutral.length > 0 ? ctx.say('publicAlso', { bucket: name, why, also: reasons(neutral) }) : ctx.say('public', { bucket: name, why });
  }
  if (exposure.status === 'ERROR') return ctx.say('unknown', { bucket: name, why: reasons(unknown) });
  if (neutral.length > 0) return ctx.say('neutralised', { bucket: name, why: reasons(neutral) });
  return ctx.say('notPublic', { bucket: name });
}

function valueOrNull<T>(outcome: Outcome<T>): T | null {
  return outcome.ok ? outcome.value : null;
}

export const bucketPublic = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [bucketPolicyStatus, bucketAcl, bucketBpa, accountBpa],
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
