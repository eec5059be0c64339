import { authorizationDetails, type InlinePolicy } from '../../../src/collectors/iam/authorization-details.ts';
import { fullAdminStatements } from '../../../src/collectors/iam/policy-analysis.ts';
import type { PolicyDocument } from '../../../src/collectors/iam/policy-document.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { orAccountPass } from '../lib/resources.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

interface Owner {
  kind: 'User' | 'Group' | 'Role';
  name: string;
  arn: string;
  label: Localized;
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

const conditionNote = (conditional: boolean): Localized =>
  conditional ? { en: ' (under conditions)', ja: ' (条件付き)' } : { en: '', ja: '' };

function inlineResult(owner: Owner, policy: InlinePolicy, ctx: EvaluateContext): ResultDraft {
  if (policy.document === undefined) {
    const [error] = unreadableResults(
      [{ resourceType: `AWS::IAM::${owner.kind}Policy`, resourceId: owner.name, subResourceId: policy.name, resourceArn: owner.arn, reason: policy.unreadable }],
      ctx,
    );
    return error!;
  }
  const facts = adminFacts(policy.document);
  const note = conditionNote(facts.conditional);
  return {
    status: facts.admin ? 'FAIL' : 'PASS',
    region: GLOBAL_REGION,
    resourceType: `AWS::IAM::${owner.kind}Policy`,
    resourceId: owner.name,
    subResourceId: policy.name,
    resourceArn: owner.arn,
    evidence: facts.admin
      ? ctx.text({
          en: `Inline policy ${policy.name} on ${owner.label.en} ${owner.name} allows * on *${note.en}`,
          ja: `${owner.label.ja} ${owner.name} のインラインポリシー ${policy.name} は * に対するすべての操作 (*) を許可しています${note.ja}`,
        })
      : ctx.text({
          en: `Inline policy ${policy.name} on ${owner.label.en} ${owner.name} does not allow * on *`,
          ja: `${owner.label.ja} ${owner.name} のインラインポリシー ${policy.name} は * に対するすべての操作を許可していません`,
        }),
    details: { policyType: 'inline', owner: { type: owner.kind, name: owner.name, arn: owner.arn }, fullAdmin: facts.admin, conditional: facts.conditional, statementSids: facts.sids },
  };
}

export const adminPolicyAttached = defineCheck({
  id: 'iam.admin-policy-attached',
  service: 'iam',
  severity: 'high',
  cis: ['1.16'],
  securityHub: ['IAM.1'],
  scope: 'global',
  needs: [authorizationDetails],
  ...checkTexts(en, ja),
  evaluate([details], ctx) {
    const drafts: ResultDraft[] = details.policies.map((policy): ResultDraft => {
      const facts = adminFacts(policy.document);
      const attached = policy.attachmentCount > 0;
      const note = conditionNote(facts.conditional);
      const evidence: Localized = !facts.admin
        ? { en: `Policy ${policy.name} does not allow * on *`, ja: `ポリシー ${policy.name} は * に対するすべての操作を許可していません` }
        : attached
          ? {
              en: `Policy ${policy.name} allows * on *${note.en} and is attached to ${policy.attachmentCount} user(s), group(s) or role(s)`,
              ja: `ポリシー ${policy.name} は * に対するすべての操作 (*) を許可しており${note.ja}、${policy.attachmentCount} 個のユーザー、グループまたはロールにアタッチされています`,
            }
          : {
              en: `Policy ${policy.name} allows * on *${note.en} but is not attached to anything`,
              ja: `ポリシー ${policy.name} は * に対するすべての操作 (*) を許可していますが${note.ja}、どこにもアタッチされていません`,
            };
      return {
        status: facts.admin && attached ? 'FAIL' : 'PASS',
        region: GLOBAL_REGION,
        resourceType: 'AWS::IAM::Policy',
        resourceId: policy.name,
        resourceArn: policy.arn,
        evidence: ctx.text(evidence),
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
      ...details.users.map((u): [Owner, InlinePolicy[]] => [{ kind: 'User', name: u.name, arn: u.arn, label: { en: 'user', ja: 'ユーザー' } }, u.inlinePolicies]),
      ...details.groups.map((g): [Owner, InlinePolicy[]] => [{ kind: 'Group', name: g.name, arn: g.arn, label: { en: 'group', ja: 'グループ' } }, g.inlinePolicies]),
      ...details.roles.map((r): [Owner, InlinePolicy[]] => [{ kind: 'Role', name: r.name, arn: r.arn, label: { en: 'role', ja: 'ロール' } }, r.inlinePolicies]),
    ];
    for (const [owner, policies] of owners) for (const policy of policies) drafts.push(inlineResult(owner, policy, ctx));
    // An unreadable user, group or role may hold inline policies nobody could judge.
    const { users, groups, roles, policies } = details.unreadable;
    drafts.push(...unreadableResults([...policies, ...users, ...groups, ...roles], ctx));
    return orAccountPass(drafts, ctx, ctx.say('noPolicies'));
  },
});
