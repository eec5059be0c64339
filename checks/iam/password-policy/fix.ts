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
import { fixWords } from '../../lib/words.ts';
import { REQUIRED_MIN_LENGTH, REQUIRED_REUSE_PREVENTION } from './check.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

// The fix raises the policy to exactly what the check asks (its title, in the words, names them too).
const LIMITS = { minLength: REQUIRED_MIN_LENGTH, minReuse: REQUIRED_REUSE_PREVENTION };

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
  return (policy?.MinimumPasswordLength ?? 0) >= REQUIRED_MIN_LENGTH && (policy?.PasswordReusePrevention ?? 0) >= REQUIRED_REUSE_PREVENTION;
}

/** The current policy with the two numbers raised; a new policy also lets users change their own password. */
function target(policy: Policy | null): UpdateAccountPasswordPolicyRequest & { MinimumPasswordLength: number; PasswordReusePrevention: number } {
  const base: Policy = policy ?? { AllowUsersToChangePassword: true };
  return {
    ...base,
    MinimumPasswordLength: Math.max(base.MinimumPasswordLength ?? 0, REQUIRED_MIN_LENGTH),
    PasswordReusePrevention: Math.max(base.PasswordReusePrevention ?? 0, REQUIRED_REUSE_PREVENTION),
  };
}

function samePolicy(a: Policy | null, b: Policy | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Policy)[]);
  return [...keys].every((k) => a[k] === b[k]);
}

export const passwordPolicyFix = defineFix({
  id: 'iam.strengthen-password-policy',
  checkIds: ['iam.password-policy'],
  words: fixWords(en, ja),
  actions: {
    read: ['iam:GetAccountPasswordPolicy'],
    write: ['iam:UpdateAccountPasswordPolicy', 'iam:DeleteAccountPasswordPolicy'],
  },

  async preview(_finding, ctx) {
    const current = await readState(ctx);
    if (compliant(current.policy)) return nothingToPreview(current, ctx.say('compliant', LIMITS));
    const wanted = target(current.policy);
    const lines = current.policy
      ? [
          ctx.say('plan', {
            length: wanted.MinimumPasswordLength,
            currentLength: current.policy.MinimumPasswordLength ?? ctx.say('off'),
            reuse: wanted.PasswordReusePrevention,
            currentReuse: current.policy.PasswordReusePrevention ?? ctx.say('off'),
          }),
          ctx.say('undoRestores'),
        ]
      : [ctx.say('planCreate', LIMITS), ctx.say('undoDeletes')];
    return { lines, warnings: [ctx.say('existingPasswords')], current, alreadyFixed: false };
  },

  async apply(_finding, _inputs, ctx) {
    const before = await readState(ctx);
    if (compliant(before.policy)) return noChange(before, ctx.say('compliant', LIMITS));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => iam(ctx).send(new UpdateAccountPasswordPolicyCommand(target(before.policy))),
      read: () => readState(ctx),
      done: (now) => compliant(now.policy),
      message: ctx.say('applied', LIMITS),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    // A record whose before-state already met the limits changed nothing, so there is nothing to restore.
    if (!before.success || compliant(before.data.policy)) {
      throw new FixError(ctx.localized('nothingToUndo'));
    }
    const previous = before.data.policy;
    const now = await readState(ctx);
    if (samePolicy(now.policy, previous)) return noChange(now, ctx.say('alreadyAsBefore'));
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () =>
        previous
          ? iam(ctx).send(new UpdateAccountPasswordPolicyCommand(previous))
          : iam(ctx).send(new DeleteAccountPasswordPolicyCommand({})),
      read: () => readState(ctx),
      done: (state) => samePolicy(state.policy, previous),
      message: previous ? ctx.say('restored') : ctx.say('deletedAgain'),
    });
  },

  async reconcile(_finding, _inputs, ctx) {
    const current = await readState(ctx);
    return reconciled(compliant(current.policy), current, {
      applied: ctx.say('reconciledApplied'),
      notApplied: ctx.say('reconciledNotApplied'),
    });
  },
});
