import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { orAccountPass, userTarget } from '../lib/resources.ts';

export const longLivedKeys = defineCheck({
  id: 'iam.long-lived-keys',
  service: 'iam',
  severity: 'info',
  cis: [],
  securityHub: [],
  scope: 'global',
  needs: [credentialReport],
  title: {
    en: 'IAM users hold no long-lived access keys',
    ja: 'IAM ユーザーが長期的なアクセスキーを持っていない',
  },
  why: {
    en: 'Leaked long-lived access keys are among the most common starting points of AWS breaches: they never expire and work from anywhere. People can sign in through IAM Identity Center and get short-lived credentials; workloads can use IAM roles.',
    ja: '長期的なアクセスキーの漏えいは、AWS での侵害の最も多い入り口の一つです。キーは期限切れにならず、どこからでも使えます。人は IAM Identity Center でサインインして一時的な認証情報を使い、ワークロードは IAM ロールを使えます。',
  },
  guide: {
    en: '1. For people: enable IAM Identity Center and use `aws configure sso`, so the CLI gets temporary credentials.\n2. For workloads on AWS (EC2, Lambda, ECS): attach an IAM role instead of storing a key.\n3. For CI outside AWS: use OIDC federation (e.g. GitHub Actions → an IAM role).\n4. For systems outside AWS: consider IAM Roles Anywhere.\n5. When nothing uses the key any more, deactivate it, then delete it.\nCLI to list a user\'s keys: `aws iam list-access-keys --user-name USER`',
    ja: '1. 人のアクセスには IAM Identity Center を有効にし、`aws configure sso` を使って CLI が一時的な認証情報を取得するようにします。\n2. AWS 上のワークロード (EC2、Lambda、ECS) には、キーを保存する代わりに IAM ロールをアタッチします。\n3. AWS 外の CI では OIDC フェデレーション (例: GitHub Actions → IAM ロール) を使います。\n4. AWS 外のシステムでは IAM Roles Anywhere を検討します。\n5. キーが使われなくなったら非アクティブにし、その後削除します。\nユーザーのキーを確認する CLI: `aws iam list-access-keys --user-name USER`',
  },
  evaluate([report], ctx) {
    const drafts = report.users.map((row): ResultDraft => {
      const active = row.accessKeys.filter((k) => k.active).map((k) => k.slot);
      return {
        status: active.length > 0 ? 'FAIL' : 'PASS',
        ...userTarget(row),
        evidence:
          active.length > 0
            ? ctx.text({
                en: `${row.user} holds ${active.length} active long-lived access key${active.length === 1 ? '' : 's'} (${active.join(', ')}); prefer IAM Identity Center or roles`,
                ja: `${row.user} は有効な長期アクセスキーを ${active.length} 個持っています (${active.join('、')})。IAM Identity Center やロールの利用を推奨します`,
              })
            : ctx.text({ en: `${row.user} holds no active access key`, ja: `${row.user} はアクティブなアクセスキーを持っていません` }),
        details: { activeKeys: active },
      };
    });
    return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, { en: 'The account has no IAM users', ja: 'このアカウントには IAM ユーザーがありません' });
  },
});
