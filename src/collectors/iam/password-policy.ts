// GetAccountPasswordPolicy: the account's password rules, or null when none was ever set.
import { GetAccountPasswordPolicyCommand, type PasswordPolicy } from '@aws-sdk/client-iam';
import { defineCollector } from '../../engine/define.ts';
import { orNotConfigured, sendOptions } from '../sdk.ts';
import { iamClient } from './client.ts';

export type { PasswordPolicy };

export const passwordPolicy = defineCollector<PasswordPolicy | null>({
  id: 'iam.password-policy',
  scope: 'global',
  actions: ['iam:GetAccountPasswordPolicy'],
  collect: (ctx) =>
    orNotConfigured(
      async () => {
        const answer = await iamClient(ctx).send(new GetAccountPasswordPolicyCommand({}), sendOptions(ctx));
        if (!answer.PasswordPolicy) throw new Error('GetAccountPasswordPolicy answered without PasswordPolicy');
        return answer.PasswordPolicy;
      },
      // NoSuchEntity is IAM's way of saying "no policy".
      { codes: ['NoSuchEntity', 'NoSuchEntityException'], answer: () => null },
    ),
});
