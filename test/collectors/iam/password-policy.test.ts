import { GetAccountPasswordPolicyCommand, IAMClient, NoSuchEntityException } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { passwordPolicy } from '../../../src/collectors/iam/password-policy.ts';
import { collectContext } from './context.ts';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

describe('passwordPolicy collector', () => {
  it('returns the policy as IAM states it', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 8, RequireSymbols: true } });
    await expect(passwordPolicy.collect(collectContext())).resolves.toEqual({ MinimumPasswordLength: 8, RequireSymbols: true });
  });

  it('returns null when the account has no policy (NoSuchEntity)', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: 'The Password Policy with domain name 123456789012 cannot be found.', $metadata: {} }));
    await expect(passwordPolicy.collect(collectContext())).resolves.toBeNull();
  });

  it('throws any other error, so the check is ERROR rather than "no policy"', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied' }));
    await expect(passwordPolicy.collect(collectContext())).rejects.toThrow('not authorized');
  });
});
