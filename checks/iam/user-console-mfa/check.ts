import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import { orAccountPass, userTarget } from '../lib/resources.ts';

export const userConsoleMfa = defineCheck({
  id: 'iam.user-console-mfa',
  service: 'iam',
  severity: 'high',
  cis: ['1.10'],
  securityHub: ['IAM.5'],
  scope: 'global',
  needs: [credentialReport],
  title: {
    en: 'IAM users with a console password have MFA',
    ja: 'コンソールパスワードを持つ IAM ユーザーで MFA が有効になっている',
  },
  why: {
    en: 'A console password alone can be phished, guessed or reused from another breach. With MFA, a stolen password is not enough to sign in to the AWS Management Console.',
    ja: 'コンソールパスワードだけでは、フィッシング、推測、他サービスからの流出の使い回しで破られる可能性があります。MFA があれば、パスワードが盗まれても AWS マネジメントコンソールにはサインインできません。',
  },
  guide: {
    en: '1. Ask the user to sign in and open the account menu → Security credentials → Assign MFA device (or, as an administrator, IAM console → Users → the user → Security credentials → Assign MFA device).\n2. Prefer a FIDO2 security key or passkey; an authenticator app is the minimum.\n3. To require MFA for everyone, attach a policy that denies actions when aws:MultiFactorAuthPresent is false.\n4. If the user no longer needs the console, remove the password instead (Security credentials → Console sign-in → Disable).\nCLI to list a user\'s devices: `aws iam list-mfa-devices --user-name USER`',
    ja: '1. 対象ユーザーにサインインしてもらい、アカウントメニュー →「セキュリティ認証情報」→「MFA デバイスの割り当て」を実行してもらいます (管理者の場合は IAM コンソール →「ユーザー」→ 対象ユーザー →「セキュリティ認証情報」→「MFA デバイスの割り当て」)。\n2. FIDO2 セキュリティキーまたはパスキーを推奨します。最低でも認証アプリを使います。\n3. 全員に MFA を必須にするには、aws:MultiFactorAuthPresent が false のときに操作を拒否するポリシーをアタッチします。\n4. コンソールを使わなくなったユーザーは、代わりにパスワードを削除します (「セキュリティ認証情報」→「コンソールサインイン」→「無効化」)。\nユーザーのデバイスを確認する CLI: `aws iam list-mfa-devices --user-name USER`',
  },
  evaluate([report], ctx) {
    const drafts = report.users.map((row) => {
      const fails = row.passwordEnabled === true && !row.mfaActive;
      const evidence = fails
        ? ctx.text({ en: `${row.user} can sign in to the console with a password and has no MFA`, ja: `${row.user} はパスワードでコンソールにサインインでき、MFA がありません` })
        : row.passwordEnabled === true
          ? ctx.text({ en: `${row.user} signs in to the console with MFA`, ja: `${row.user} は MFA を使ってコンソールにサインインします` })
          : ctx.text({ en: `${row.user} has no console password`, ja: `${row.user} にはコンソールパスワードがありません` });
      return {
        status: fails ? ('FAIL' as const) : ('PASS' as const),
        ...userTarget(row),
        evidence,
        details: { passwordEnabled: row.passwordEnabled, mfaActive: row.mfaActive },
      };
    });
    return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, { en: 'The account has no IAM users', ja: 'このアカウントには IAM ユーザーがありません' });
  },
});
