// GetAccountPasswordPolicy: the account's password rules, or null when none was ever set.
import { GetAccountPasswordPolicyCommand, type PasswordPolicy } from '@aws-sdk/client-iam';
import { hasErrorCode } from '../../aws/errors.ts';
import { defineCollector } from '../../engine/define.ts';
import { iamClient, requestOptions } from './client.ts';

export type { PasswordPolicy };

export const passwordPolicy = defineCollector<PasswordPolicy | null>({
  id: 'iam.password-policy',
  service: 'iam',
  scope: 'global',
  actions: ['iam:GetAccountPasswordPolicy'],
  async collect(ctx) {
    try {
      const answer = await iamClient(ctx).send(new GetAccountPasswordPolicyCommand({}), requestOptions(ctx));
      if (!answer.PasswordPolicy) throw new Error('GetAccountPasswordPolicy answered without PasswordPolicy');
      return answer.PasswordPolicy;
    } catch (err) {
      // NoSuchEntity is IAM's way of saying "no policy": a finding, not a failure to read.
      if (hasErrorCode(err, 'NoSuchEntity', 'NoSuchEntityException')) return null;
      throw err;
    }
  },
});
