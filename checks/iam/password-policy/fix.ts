// Raises the account password policy to CIS 1.8/1.9 (length ≥ 14, reuse prevention ≥ 24) and keeps every
// other setting: UpdateAccountPasswordPolicy resets whatever it is not sent, so all current values are sent.
// Undo restores the previous policy exactly, or deletes it when there was none.
import {
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  IAMClient,
  type PasswordPolicy,
  UpdateAccountPasswordPolicyCommand,
  type UpdateAccountPasswordPolicyRequest,
} from '@aws-sdk/client-iam';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import { defineFix, type FixContext, FixError } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';

/** The catalogue's limits (CIS 1.8 and 1.9), not configurable. */
const MIN_LENGTH = 14;
const MIN_REUSE_PREVENTION = 24;

/** What UpdateAccountPasswordPolicy accepts; ExpirePasswords is derived by IAM from MaxPasswordAge. */
const policySchema = z.object({
  MinimumPasswordLength: z.number().optional(),
  RequireSymbols: z.boolean().optional(),
  RequireNumbers: z.boolean().optional(),
  RequireUppercaseCharacters: z.boolean().optional(),
  RequireLowercaseCharacters: z.boolean().optional(),
  AllowUsersToChangePassword: z.boolean().optional(),
  MaxPasswordAge: z.number().optional(),
  PasswordReusePrevention: z.number().optional(),
  HardExpiry: z.boolean().optional(),
});
type Policy = z.infer<typeof policySchema>;
const stateSchema = z.object({ policy: policySchema.nullable() });
type PolicyState = z.infer<typeof stateSchema>;

function iam(ctx: FixContext): IAMClient {
  return ctx.session.client(IAMClient, ctx.session.homeRegion);
}

function settable(policy: PasswordPolicy): Policy {
  const { ExpirePasswords: _derived, ...rest } = policy;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

async function readState(ctx: FixContext): Promise<PolicyState> {
  try {
    const answer = await iam(ctx).send(new GetAccountPasswordPolicyCommand({}));
    if (!answer.PasswordPolicy) throw new Error('GetAccountPasswordPolicy answered without PasswordPolicy');
    return { policy: settable(answer.PasswordPolicy) };
  } catch (err) {
    // NoSuchEntity is IAM's way of saying "no policy".
    if (hasErrorCode(err, 'NoSuchEntity', 'NoSuchEntityException')) return { policy: null };
    throw err;
  }
}

function compliant(policy: Policy | null): boolean {
  return (policy?.MinimumPasswordLength ?? 0) >= MIN_LENGTH && (policy?.PasswordReusePrevention ?? 0) >= MIN_REUSE_PREVENTION;
}

/** The current policy with the two numbers raised; a new policy also lets users change their own password. */
function target(policy: Policy | null): UpdateAccountPasswordPolicyRequest {
  const base: Policy = policy ?? { AllowUsersToChangePassword: true };
  return {
    ...base,
    MinimumPasswordLength: Math.max(base.MinimumPasswordLength ?? 0, MIN_LENGTH),
    PasswordReusePrevention: Math.max(base.PasswordReusePrevention ?? 0, MIN_REUSE_PREVENTION),
  };
}

function samePolicy(a: Policy | null, b: Policy | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Policy)[]);
  return [...keys].every((k) => a[k] === b[k]);
}

function compliantMessage(ctx: FixContext): string {
  return ctx.text({
    en: `The account password policy already requires at least ${MIN_LENGTH} characters and prevents reuse of the last ${MIN_REUSE_PREVENTION} passwords. Nothing was changed.`,
    ja: `アカウントのパスワードポリシーはすでに ${MIN_LENGTH} 文字以上を要求し、直近 ${MIN_REUSE_PREVENTION} 個のパスワードの再利用を禁止しています。何も変更していません。`,
  });
}

export const passwordPolicyFix = defineFix({
  id: 'iam.strengthen-password-policy',
  checkIds: ['iam.password-policy'],
  title: {
    en: `Require ${MIN_LENGTH}+ character passwords and prevent reuse of the last ${MIN_REUSE_PREVENTION}`,
    ja: `パスワードを ${MIN_LENGTH} 文字以上にし、直近 ${MIN_REUSE_PREVENTION} 個の再利用を禁止する`,
  },
  actions: {
    read: ['iam:GetAccountPasswordPolicy'],
    write: ['iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy'],
  },

  async preview(_finding, ctx) {
    const current = await readState(ctx);
    if (compliant(current.policy)) return nothingToPreview(current, compliantMessage(ctx));
    const length = current.policy?.MinimumPasswordLength;
    const reuse = current.policy?.PasswordReusePrevention;
    const off = ctx.text({ en: 'off', ja: 'なし' });
    const lines = current.policy
      ? [
          ctx.text({
            en: `Set the minimum password length to ${Math.max(length ?? 0, MIN_LENGTH)} (now ${length ?? off}) and prevent reuse of the last ${Math.max(reuse ?? 0, MIN_REUSE_PREVENTION)} passwords (now ${reuse ?? off}). Every other setting stays as it is.`,
            ja: `パスワードの最小文字数を ${Math.max(length ?? 0, MIN_LENGTH)} に (現在: ${length ?? off})、再利用禁止を直近 ${Math.max(reuse ?? 0, MIN_REUSE_PREVENTION)} 個に (現在: ${reuse ?? off}) 設定します。その他の設定は変更しません。`,
          }),
          ctx.text({ en: 'Undo restores the current policy exactly.', ja: '取り消し (Undo) では現在のポリシーをそのまま復元します。' }),
        ]
      : [
          ctx.text({
            en: `Create an account password policy: at least ${MIN_LENGTH} characters, no reuse of the last ${MIN_REUSE_PREVENTION} passwords, and users may change their own password. Other settings take IAM's defaults.`,
            ja: `アカウントのパスワードポリシーを作成します: ${MIN_LENGTH} 文字以上、直近 ${MIN_REUSE_PREVENTION} 個の再利用禁止、ユーザー自身によるパスワード変更を許可。その他の設定は IAM の既定値です。`,
          }),
          ctx.text({ en: 'Undo deletes the policy again.', ja: '取り消し (Undo) ではポリシーを再び削除します。' }),
        ];
    const warnings = [
      ctx.text({
        en: 'Existing passwords keep working; the new rules apply the next time each user sets a password.',
        ja: '既存のパスワードは引き続き使えます。新しいルールは各ユーザーが次にパスワードを設定するときに適用されます。',
      }),
    ];
    return { lines, warnings, current, alreadyFixed: false };
  },

  async apply(_finding, _inputs, ctx) {
    const before = await readState(ctx);
    if (compliant(before.policy)) return noChange(before, compliantMessage(ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => iam(ctx).send(new UpdateAccountPasswordPolicyCommand(target(before.policy))),
      read: () => readState(ctx),
      done: (now) => compliant(now.policy),
      message: ctx.text({
        en: `The account password policy now requires at least ${MIN_LENGTH} characters and prevents reuse of the last ${MIN_REUSE_PREVENTION} passwords.`,
        ja: `アカウントのパスワードポリシーで ${MIN_LENGTH} 文字以上と直近 ${MIN_REUSE_PREVENTION} 個の再利用禁止を設定しました。`,
      }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    // A record whose before-state already met the limits changed nothing, so there is nothing to restore.
    if (!before.success || compliant(before.data.policy)) {
      throw new FixError({
        en: 'This record has no password policy change to undo (the fix changed nothing)',
        ja: 'この記録には取り消すパスワードポリシーの変更がありません (修正では何も変更していません)',
      });
    }
    const previous = before.data.policy;
    const now = await readState(ctx);
    if (samePolicy(now.policy, previous)) {
      return noChange(
        now,
        ctx.text({
          en: 'The password policy is already as it was before the fix. Nothing was changed.',
          ja: 'パスワードポリシーはすでに修正前の状態です。何も変更していません。',
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () =>
        previous
          ? iam(ctx).send(new UpdateAccountPasswordPolicyCommand(previous))
          : iam(ctx).send(new DeleteAccountPasswordPolicyCommand({})),
      read: () => readState(ctx),
      done: (state) => samePolicy(state.policy, previous),
      message: previous
        ? ctx.text({ en: 'Restored the previous account password policy.', ja: '以前のアカウントパスワードポリシーを復元しました。' })
        : ctx.text({
            en: 'Deleted the account password policy again (there was none before the fix).',
            ja: 'アカウントパスワードポリシーを再び削除しました (修正前はありませんでした)。',
          }),
    });
  },

  async reconcile(_finding, _inputs, ctx) {
    const current = await readState(ctx);
    return reconciled(compliant(current.policy), current, {
      applied: ctx.text({
        en: 'The password policy meets the limits: the fix was applied before the interruption.',
        ja: 'パスワードポリシーは基準を満たしています。中断の前に修正は適用されていました。',
      }),
      notApplied: ctx.text({
        en: 'The password policy does not meet the limits yet: the fix was not applied.',
        ja: 'パスワードポリシーはまだ基準を満たしていません。修正は適用されていません。',
      }),
    });
  },
});
