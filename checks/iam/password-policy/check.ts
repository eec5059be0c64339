import { passwordPolicy } from '../../../src/collectors/iam/password-policy.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { accountTarget } from '../lib/resources.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** CIS 1.8 and 1.9; Security Hub IAM.15 and IAM.16 ask for the same numbers. */
export const REQUIRED_MIN_LENGTH = 14;
export const REQUIRED_REUSE_PREVENTION = 24;

export const passwordPolicyCheck = defineCheck({
  id: 'iam.password-policy',
  service: 'iam',
  severity: 'medium',
  cis: ['1.8', '1.9'],
  securityHub: ['IAM.15', 'IAM.16'],
  fix: 'iam.strengthen-password-policy',
  scope: 'global',
  needs: [passwordPolicy],
  ...checkTexts(en, ja),
  evaluate([policy], ctx) {
    const problems: Localized[] = [];
    const length = policy?.MinimumPasswordLength ?? 0;
    const reuse = policy?.PasswordReusePrevention ?? 0;
    if (!policy) {
      problems.push({ en: 'no account password policy is set', ja: 'アカウントのパスワードポリシーが設定されていません' });
    } else {
      if (length < REQUIRED_MIN_LENGTH) {
        problems.push({
          en: `minimum password length is ${length} (needs ${REQUIRED_MIN_LENGTH} or more)`,
          ja: `パスワードの最小文字数が ${length} です (${REQUIRED_MIN_LENGTH} 以上が必要)`,
        });
      }
      if (reuse < REQUIRED_REUSE_PREVENTION) {
        problems.push(
          reuse === 0
            ? { en: `password reuse is not prevented (needs ${REQUIRED_REUSE_PREVENTION})`, ja: `パスワードの再利用が禁止されていません (${REQUIRED_REUSE_PREVENTION} が必要)` }
            : {
                en: `only the last ${reuse} passwords are blocked from reuse (needs ${REQUIRED_REUSE_PREVENTION})`,
                ja: `再利用を禁止しているのは過去 ${reuse} 個のパスワードのみです (${REQUIRED_REUSE_PREVENTION} が必要)`,
              },
        );
      }
    }
    const evidence =
      problems.length > 0
        ? ctx.text({ en: `Password policy: ${problems.map((p) => p.en).join('; ')}`, ja: `パスワードポリシー: ${problems.map((p) => p.ja).join('。')}` })
        : ctx.text({
            en: `Password policy requires ${length} characters and blocks reuse of the last ${reuse} passwords`,
            ja: `パスワードポリシーは ${length} 文字以上を必須とし、過去 ${reuse} 個のパスワードの再利用を禁止しています`,
          });
    return [
      {
        status: problems.length > 0 ? 'FAIL' : 'PASS',
        ...accountTarget(ctx),
        evidence,
        // The current policy travels with the result so a fix can restore it exactly (null: there was none).
        details: {
          policy: policy ? { ...policy } : null,
          required: { minimumPasswordLength: REQUIRED_MIN_LENGTH, passwordReusePrevention: REQUIRED_REUSE_PREVENTION },
        },
      },
    ];
  },
});
