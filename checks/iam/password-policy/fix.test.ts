import {
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  type PasswordPolicy,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { REQUIRED_MIN_LENGTH, REQUIRED_REUSE_PREVENTION } from './check.ts';
import { passwordPolicyFix as fix } from './fix.ts';
import { awsError, finding, fixContext, mockAwsFor, sentCommands, undoApplied } from '../../../test/fixes/helpers.ts';

const aws = mockAwsFor(fix);

const policyFinding = finding({ checkId: 'iam.password-policy', region: 'global', resourceType: 'AWS::::Account', resourceId: '123456789012' });

/** IAM's password policy: Update replaces it whole (as IAM does), Delete removes it. */
function fakePolicy(initial: PasswordPolicy | null) {
  const state = { policy: initial };
  aws.iam.on(GetAccountPasswordPolicyCommand).callsFake(async () => {
    if (!state.policy) throw awsError('NoSuchEntity', 'The Password Policy with domain name 123456789012 cannot be found.');
    return { PasswordPolicy: state.policy };
  });
  aws.iam.on(UpdateAccountPasswordPolicyCommand).callsFake(async (input: PasswordPolicy) => {
    state.policy = { ...input, ExpirePasswords: (input.MaxPasswordAge ?? 0) > 0 };
    return { $metadata: { requestId: 'req-update' } };
  });
  aws.iam.on(DeleteAccountPasswordPolicyCommand).callsFake(async () => {
    state.policy = null;
    return { $metadata: { requestId: 'req-delete' } };
  });
  return state;
}

const WEAK: PasswordPolicy = { MinimumPasswordLength: 8, RequireSymbols: true, MaxPasswordAge: 90, ExpirePasswords: true, AllowUsersToChangePassword: true };

describe('iam.password-policy fix', () => {
  it('is titled with the limits it sets, in both languages (the title is words data, the limits are code)', () => {
    for (const title of [fix.title.en, fix.title.ja]) expect(title).toMatch(new RegExp(`${REQUIRED_MIN_LENGTH}\\D.*${REQUIRED_REUSE_PREVENTION}`));
  });

  it('raises length and reuse prevention, sending every other current setting so none is reset', async () => {
    fakePolicy(WEAK);
    const preview = await fix.preview(policyFinding, fixContext());
    expect(preview.lines[0]).toContain('minimum password length to 14 (now 8) and prevent reuse of the last 24 passwords (now off)');
    const applied = await fix.apply(policyFinding, {}, fixContext());
    expect(sentCommands(aws, 'UpdateAccountPasswordPolicyCommand')).toEqual([
      { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true, MaxPasswordAge: 90, AllowUsersToChangePassword: true },
    ]);
    expect(applied).toMatchObject({ status: 'applied', requestIds: ['req-update'], verified: true });
  });

  it('undo restores the previous policy exactly', async () => {
    const state = fakePolicy(WEAK);
    const ctx = fixContext();
    const applied = await fix.apply(policyFinding, {}, ctx);
    const undone = await undoApplied(fix, policyFinding, applied, ctx);
    expect(sentCommands(aws, 'UpdateAccountPasswordPolicyCommand').at(-1)).toEqual({
      MinimumPasswordLength: 8,
      RequireSymbols: true,
      MaxPasswordAge: 90,
      AllowUsersToChangePassword: true,
    });
    expect(undone.status).toBe('undone');
    expect(state.policy).toMatchObject({ MinimumPasswordLength: 8 });
    expect(state.policy?.PasswordReusePrevention).toBeUndefined();
  });

  it('creates a policy when there is none, and undo deletes it again', async () => {
    const state = fakePolicy(null);
    const ctx = fixContext();
    const applied = await fix.apply(policyFinding, {}, ctx);
    expect(applied.before).toEqual({ policy: null });
    expect(sentCommands(aws, 'UpdateAccountPasswordPolicyCommand')).toEqual([
      { AllowUsersToChangePassword: true, MinimumPasswordLength: 14, PasswordReusePrevention: 24 },
    ]);
    const undone = await undoApplied(fix, policyFinding, applied, ctx);
    expect(undone).toMatchObject({ status: 'undone', requestIds: ['req-delete'] });
    expect(state.policy).toBeNull();
  });

  it('changes nothing when the policy already meets the limits', async () => {
    fakePolicy({ MinimumPasswordLength: 16, PasswordReusePrevention: 24 });
    expect(await fix.apply(policyFinding, {}, fixContext())).toMatchObject({ status: 'no-change', requestIds: [] });
    expect(sentCommands(aws, 'UpdateAccountPasswordPolicyCommand')).toEqual([]);
    expect((await fix.reconcile(policyFinding, {}, fixContext())).state).toBe('changed');
  });
});
