import { accountSummary } from '../../../src/collectors/iam/account-summary.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { accountTarget } from '../lib/resources.ts';

export const rootAccessKeys = defineCheck({
  id: 'iam.root-access-keys',
  service: 'iam',
  severity: 'critical',
  cis: ['1.4'],
  securityHub: ['IAM.4'],
  scope: 'global',
  needs: [accountSummary],
  title: {
    en: 'Root user has no access keys',
    ja: 'ルートユーザーにアクセスキーがない',
  },
  why: {
    en: 'A root access key gives unrestricted, programmatic control of the whole account, without MFA and beyond the reach of IAM policies. If it leaks from a script or a laptop, the account is lost.',
    ja: 'ルートのアクセスキーは、MFA なしで、IAM ポリシーの制限も受けずに、アカウント全体をプログラムから操作できる鍵です。スクリプトや PC から漏えいすれば、アカウントを乗っ取られます。',
  },
  guide: {
    en: '1. Find what uses the key: CloudTrail → Event history, filter User name = root, look at the Access key column.\n2. Move those jobs to an IAM role or an IAM Identity Center user.\n3. Sign in as the root user → account menu → Security credentials → Access keys: deactivate each key, wait until nothing breaks, then delete it.\nRoot keys can only be deleted by the root user. CLI to verify: `aws iam get-account-summary --query SummaryMap.AccountAccessKeysPresent`',
    ja: '1. キーを使っているものを調べます。CloudTrail →「イベント履歴」で「ユーザー名 = root」で絞り込み、「アクセスキー」列を確認します。\n2. それらの処理を IAM ロールまたは IAM Identity Center のユーザーに移します。\n3. ルートユーザーでサインインし、アカウントメニュー →「セキュリティ認証情報」→「アクセスキー」で各キーを非アクティブにし、問題がないことを確かめてから削除します。\nルートのキーを削除できるのはルートユーザーだけです。確認用 CLI: `aws iam get-account-summary --query SummaryMap.AccountAccessKeysPresent`',
  },
  evaluate([summary], ctx) {
    const present = summary.accountAccessKeysPresent;
    return [
      {
        status: present ? 'FAIL' : 'PASS',
        ...accountTarget(ctx),
        evidence: present
          ? ctx.text({ en: 'Root user has at least one access key', ja: 'ルートユーザーにアクセスキーがあります' })
          : ctx.text({ en: 'Root user has no access keys', ja: 'ルートユーザーにアクセスキーはありません' }),
        details: { accountAccessKeysPresent: present },
      },
    ];
  },
});
