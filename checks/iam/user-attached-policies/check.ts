import { authorizationDetails } from '../../../src/collectors/iam/authorization-details.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import { orAccountPass } from '../lib/resources.ts';

export const userAttachedPolicies = defineCheck({
  id: 'iam.user-attached-policies',
  service: 'iam',
  severity: 'low',
  cis: ['1.15'],
  securityHub: ['IAM.2'],
  scope: 'global',
  needs: [authorizationDetails],
  title: {
    en: 'IAM users get permissions only through groups',
    ja: 'IAM ユーザーの権限はグループ経由でのみ付与されている',
  },
  why: {
    en: 'Policies attached to individual users are hard to review and are often forgotten when someone changes role. Granting permissions through groups (or roles) keeps access consistent and easy to revoke.',
    ja: '個々のユーザーにアタッチしたポリシーは確認しにくく、担当が変わったときに外し忘れがちです。グループ (またはロール) を通じて権限を付与すれば、アクセス権をそろえやすく、取り消しも簡単です。',
  },
  guide: {
    en: '1. IAM console → User groups → Create group (or pick an existing one) with the permissions the user needs.\n2. Add the user to the group.\n3. IAM console → Users → the user → Permissions: remove each policy listed as "Attached directly" or inline.\nCLI to detach a managed policy: `aws iam detach-user-policy --user-name USER --policy-arn POLICY_ARN`',
    ja: '1. IAM コンソール →「ユーザーグループ」→「グループを作成」(または既存のグループを選択) で、ユーザーに必要な権限を持つグループを用意します。\n2. ユーザーをそのグループに追加します。\n3. IAM コンソール →「ユーザー」→ 対象ユーザー →「許可」で、「直接アタッチ」またはインラインのポリシーをそれぞれ削除します。\n管理ポリシーをデタッチする CLI: `aws iam detach-user-policy --user-name USER --policy-arn POLICY_ARN`',
  },
  evaluate([details], ctx) {
    const drafts = details.users.map((user): ResultDraft => {
      const attached = user.attachedPolicies.map((p) => p.name);
      const inline = user.inlinePolicies.map((p) => p.name);
      const direct = attached.length + inline.length > 0;
      const parts: string[] = [];
      if (attached.length) parts.push(ctx.text({ en: `attached: ${attached.join(', ')}`, ja: `アタッチ: ${attached.join('、')}` }));
      if (inline.length) parts.push(ctx.text({ en: `inline: ${inline.join(', ')}`, ja: `インライン: ${inline.join('、')}` }));
      return {
        status: direct ? 'FAIL' : 'PASS',
        region: GLOBAL_REGION,
        resourceType: 'AWS::IAM::User',
        resourceId: user.name,
        resourceArn: user.arn,
        evidence: direct
          ? ctx.text({ en: `${user.name} has policies of its own (${parts.join('; ')})`, ja: `${user.name} にユーザー固有のポリシーがあります (${parts.join('。')})` })
          : ctx.text({ en: `${user.name} has no policies of its own`, ja: `${user.name} にユーザー固有のポリシーはありません` }),
        details: { attachedPolicies: user.attachedPolicies, inlinePolicies: inline, groups: user.groups },
      };
    });
    return orAccountPass([...drafts, ...unreadableResults(details.unreadable.users, ctx)], ctx, { en: 'The account has no IAM users', ja: 'このアカウントには IAM ユーザーがありません' });
  },
});
