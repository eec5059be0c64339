import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { orAccountPass, userTarget } from '../lib/resources.ts';

export const multipleActiveKeys = defineCheck({
  id: 'iam.multiple-active-keys',
  service: 'iam',
  severity: 'low',
  cis: ['1.13'],
  securityHub: [],
  scope: 'global',
  needs: [credentialReport],
  title: {
    en: 'No IAM user has two active access keys',
    ja: 'アクティブなアクセスキーを 2 つ持つ IAM ユーザーがいない',
  },
  why: {
    en: 'A second key is meant only for the few days of a rotation. Two keys left active double what can leak, and usually mean the old key was never switched off.',
    ja: '2 つ目のキーは、ローテーション中の数日間だけ使うためのものです。2 つともアクティブのままだと漏えいし得るキーが倍になり、多くの場合、古いキーの無効化を忘れています。',
  },
  guide: {
    en: '1. IAM console → Users → the user → Security credentials → Access keys: compare the "Last used" of both keys.\n2. Move anything still using the older key to the newer one.\n3. Deactivate the older key, then delete it once nothing breaks.\nCLI to see both keys: `aws iam list-access-keys --user-name USER`',
    ja: '1. IAM コンソール →「ユーザー」→ 対象ユーザー →「セキュリティ認証情報」→「アクセスキー」で、2 つのキーの「最終使用」を比べます。\n2. 古いキーをまだ使っているものを新しいキーに切り替えます。\n3. 古いキーを非アクティブにし、問題がないことを確かめてから削除します。\n両方のキーを確認する CLI: `aws iam list-access-keys --user-name USER`',
  },
  evaluate([report], ctx) {
    const drafts = report.users.map((row): ResultDraft => {
      const active = row.accessKeys.filter((k) => k.active).map((k) => k.slot);
      return {
        status: active.length > 1 ? 'FAIL' : 'PASS',
        ...userTarget(row),
        evidence: ctx.text({
          en: `${row.user} has ${active.length} active access key${active.length === 1 ? '' : 's'}${active.length ? ` (${active.join(', ')})` : ''}`,
          ja: `${row.user} のアクティブなアクセスキーは ${active.length} 個です${active.length ? ` (${active.join('、')})` : ''}`,
        }),
        details: { activeKeys: active },
      };
    });
    return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, { en: 'The account has no IAM users', ja: 'このアカウントには IAM ユーザーがありません' });
  },
});
