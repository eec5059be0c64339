import { authorizationDetails } from '../../../src/collectors/iam/authorization-details.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import { accountTarget } from '../lib/resources.ts';

const SUPPORT_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AWSSupportAccess$/;

export const supportRole = defineCheck({
  id: 'iam.support-role',
  service: 'iam',
  severity: 'low',
  cis: ['1.17'],
  securityHub: ['IAM.18'],
  scope: 'global',
  needs: [authorizationDetails],
  title: {
    en: 'A role exists for managing incidents with AWS Support',
    ja: 'AWS サポートでインシデントを管理するためのロールがある',
  },
  why: {
    en: 'During an incident, the people who talk to AWS Support need access to the Support Center without being handed broader permissions or the root user. A dedicated role holding AWSSupportAccess makes that access ready and auditable.',
    ja: 'インシデント発生時、AWS サポートとやり取りする担当者には、広い権限やルートユーザーを渡すことなくサポートセンターへのアクセスが必要です。AWSSupportAccess を持つ専用のロールがあれば、そのアクセスをすぐに使え、監査もできます。',
  },
  guide: {
    en: '1. IAM console → Roles → Create role → AWS account, trusting the account (or the identity provider) your incident responders sign in through.\n2. Attach the AWS managed policy AWSSupportAccess, name the role (e.g. aws-support), and create it.\n3. Tell the incident responders how to assume it.\nCLI to attach the policy: `aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess`',
    ja: '1. IAM コンソール →「ロール」→「ロールを作成」→「AWS アカウント」を選び、インシデント対応者がサインインするアカウント (または ID プロバイダー) を信頼するように設定します。\n2. AWS 管理ポリシー AWSSupportAccess をアタッチし、ロール名 (例: aws-support) を付けて作成します。\n3. インシデント対応者にロールの引き受け方を共有します。\nポリシーをアタッチする CLI: `aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess`',
  },
  evaluate([details], ctx) {
    const roles = details.roles.filter((r) => r.attachedPolicies.some((p) => SUPPORT_POLICY.test(p.arn))).map((r) => r.name);
    // Without a support role in sight, a role that could not be read might be it: ERROR for it, not FAIL.
    if (roles.length === 0 && details.unreadable.roles.length > 0) return unreadableResults(details.unreadable.roles, ctx);
    return [
      {
        status: roles.length > 0 ? 'PASS' : 'FAIL',
        ...accountTarget(ctx),
        evidence:
          roles.length > 0
            ? ctx.text({ en: `AWSSupportAccess is attached to role(s): ${roles.join(', ')}`, ja: `AWSSupportAccess がロールにアタッチされています: ${roles.join('、')}` })
            : ctx.text({ en: 'No role has the AWSSupportAccess policy attached', ja: 'AWSSupportAccess ポリシーがアタッチされたロールはありません' }),
        details: { supportRoles: roles },
      },
    ];
  },
});
