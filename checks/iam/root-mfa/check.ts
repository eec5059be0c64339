import { accountSummary } from '../../../src/collectors/iam/account-summary.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';

export const rootMfa = defineCheck({
  id: 'iam.root-mfa',
  service: 'iam',
  severity: 'critical',
  cis: ['1.5'],
  securityHub: ['IAM.9'],
  scope: 'global',
  needs: [accountSummary],
  title: {
    en: 'Root user has MFA enabled',
    ja: 'ルートユーザーで MFA が有効になっている',
  },
  why: {
    en: 'The root user can do anything in the account, including closing it, and IAM policies cannot restrict it. A leaked root password without MFA hands the whole account to an attacker.',
    ja: 'ルートユーザーはアカウントの解約を含むあらゆる操作ができ、IAM ポリシーで制限できません。MFA なしでルートのパスワードが漏えいすると、アカウント全体が攻撃者の手に渡ります。',
  },
  guide: {
    en: '1. Sign in as the root user at https://console.aws.amazon.com/.\n2. Open the account menu → Security credentials.\n3. Under Multi-factor authentication (MFA), choose Assign MFA device; prefer a hardware key (FIDO2 security key).\n4. Store the device safely and record who holds it.\nCLI to verify: `aws iam get-account-summary --query SummaryMap.AccountMFAEnabled`',
    ja: '1. https://console.aws.amazon.com/ にルートユーザーでサインインします。\n2. アカウントメニュー →「セキュリティ認証情報」を開きます。\n3.「多要素認証 (MFA)」で「MFA デバイスの割り当て」を選びます。ハードウェアキー (FIDO2 セキュリティキー) を推奨します。\n4. デバイスを安全に保管し、保管者を記録します。\n確認用 CLI: `aws iam get-account-summary --query SummaryMap.AccountMFAEnabled`',
  },
  evaluate([summary], ctx) {
    return [
      {
        status: summary.accountMfaEnabled ? 'PASS' : 'FAIL',
        region: GLOBAL_REGION,
        resourceType: 'AWS::::Account',
        resourceId: ctx.accountId,
        resourceArn: `arn:aws:iam::${ctx.accountId}:root`,
        evidence: summary.accountMfaEnabled
          ? ctx.text({ en: 'Root user has MFA enabled', ja: 'ルートユーザーの MFA は有効です' })
          : ctx.text({ en: 'Root user has no MFA device', ja: 'ルートユーザーに MFA デバイスがありません' }),
        details: { accountMfaEnabled: summary.accountMfaEnabled },
      },
    ];
  },
});
