import { authorizationDetails, type InlinePolicy } from '../../../src/collectors/iam/authorization-details.ts';
import { fullAdminStatements } from '../../../src/collectors/iam/policy-analysis.ts';
import type { PolicyDocument } from '../../../src/collectors/iam/policy-document.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import type { Message, MessageParams } from '../../../src/i18n/message.ts';
import { orAccountPass } from '../lib/resources.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

interface Owner {
  kind: 'User' | 'Group' | 'Role';
  name: string;
  arn: string;
}

function adminFacts(document: PolicyDocument): { admin: boolean; conditional: boolean; sids: string[] } {
  const statements = fullAdminStatements(document);
  return {
    admin: statements.length > 0,
    // Conditions still count as admin (see fullAdminStatements); the evidence says so for the reviewer.
    conditional: statements.length > 0 && statements.every((s) => s.Condition !== undefined),
    sids: statements.map((s) => s.Sid).filter((sid): sid is string => sid !== undefined),
  };
}

type Verdict = 'admin' | 'conditional' | 'none';

const verdictOf = (facts: { admin: boolean; conditional: boolean }): Verdict =>
  !facts.admin ? 'none' : facts.conditional ? 'conditional' : 'admin';

// One sentence per owner kind and verdict: the kind's name is a word of its own in each language.
function inlineSays(ctx: EvaluateContext, kind: Owner['kind'], verdict: Verdict, params: MessageParams): Message {
  switch (kind) {
    case 'User':
      return verdict === 'admin' ? ctx.say('userInlineAdmin', params) : verdict === 'conditional' ? ctx.say('userInlineAdminConditional', params) : ctx.say('userInlineNotAdmin', params);
    case 'Group':
      return verdict === 'admin' ? ctx.say('groupInlineAdmin', params) : verdict === 'conditional' ? ctx.say('groupInlineAdminConditional', params) : ctx.say('groupInlineNotAdmin', params);
    case 'Role':
      return verdict === 'admin' ? ctx.say('roleInlineAdmin', params) : verdict === 'conditional' ? ctx.say('roleInlineAdminConditional', params) : ctx.say('roleInlineNotAdmin', params);
  }
}

function managedSays(ctx: EvaluateContext, verdict: Verdict, attachments: number, params: MessageParams): Message {
  if (verdict === 'none') return ctx.say('notAdmin', params);
  if (attachments === 0) return verdict === 'conditional' ? ctx.say('adminUnattachedConditional', params) : ctx.say('adminUnattached', params);
  const counted = { ...params, count: attachments };
  return verdict === 'conditional' ? ctx.say('adminAttachedConditional', counted) : ctx.say('adminAttached', counted);
}

function inlineResult(owner: Owner, policy: InlinePolicy, ctx: EvaluateContext): ResultDraft {
  if (policy.document === undefined) {
    const [error] = unreadableResults(
      [{ resourceType: `AWS::IAM::${owner.kind}Policy`, resourceId: owner.name, subResourceId: policy.name, resourceArn: owner.arn, reason: policy.unreadable }],
      ctx,
    );
    return error!;
  }
  const facts = adminFacts(policy.document);
  return {
    status: facts.admin ? 'FAIL' : 'PASS',
    region: GLOBAL_REGION,
    resourceType: `AWS::IAM::${owner.kind}Policy`,
    resourceId: owner.name,
    subResourceId: policy.name,
    resourceArn: owner.arn,
    evidence: inlineSays(ctx, owner.kind, verdictOf(facts), { policy: policy.name, owner: owner.name }),
    details: { policyType: 'inline', owner: { type: owner.kind, name: owner.name, arn: owner.arn }, fullAdmin: facts.admin, conditional: facts.conditional, statementSids: facts.sids },
  };
}

export const adminPolicyAttached = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [authorizationDetails],
  evaluate([details], ctx) {
    const drafts: ResultDraft[] = details.policies.map((policy): ResultDraft => {
      const facts = adminFacts(policy.document);
      const attached = policy.attachmentCount > 0;
      return {
        status: facts.admin && attached ? 'FAIL' : 'PASS',
        region: GLOBAL_REGION,
        resourceType: 'AWS::IAM::Policy',
        resourceId: policy.name,
        resourceArn: policy.arn,
        evidence: managedSays(ctx, verdictOf(facts), policy.attachmentCount, { policy: policy.name }),
        details: {
          policyType: 'customer-managed',
          defaultVersionId: policy.defaultVersionId,
          attachmentCount: policy.attachmentCount,
          fullAdmin: facts.admin,
          conditional: facts.conditional,
          statementSids: facts.sids,
        },
      };
    });
    const owners: [Owner, InlinePolicy[]][] = [
      ...details.users.map((u): [Owner, InlinePolicy[]] => [{ kind: 'User', name: u.name, arn: u.arn }, u.inlinePolicies]),
      ...details.groups.map((g): [Owner, InlinePolicy[]] => [{ kind: 'Group', name: g.name, arn: g.arn }, g.inlinePolicies]),
      ...details.roles.map((r): [Owner, InlinePolicy[]] => [{ kind: 'Role', name: r.name, arn: r.arn }, r.inlinePolicies]),
    ];
    for (const [owner, policies] of owners) for (const policy of policies) drafts.push(inlineResult(owner, policy, ctx));
    // An unreadable user, group or role may hold inline policies nobody could judge.
    const { users, groups, roles, policies } = details.unreadable;
    drafts.push(...unreadableResults([...policies, ...users, ...groups, ...roles], ctx));
    return orAccountPass(drafts, ctx, ctx.say('noPolicies'));
  },
});
