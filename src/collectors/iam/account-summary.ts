// GetAccountSummary: the account-wide counters (root MFA, root access keys).
import { GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { defineCollector } from '../../engine/define.ts';
import { sendOptions } from '../sdk.ts';
import { iamClient } from './client.ts';

export interface AccountSummary {
  accountMfaEnabled: boolean;
  accountAccessKeysPresent: boolean;
  raw: Record<string, number>;
}

export const accountSummary = defineCollector<AccountSummary>({
  id: 'iam.account-summary',
  scope: 'global',
  actions: ['iam:GetAccountSummary'],
  async collect(ctx) {
    const answer = await iamClient(ctx).send(new GetAccountSummaryCommand({}), sendOptions(ctx));
    const raw = answer.SummaryMap ?? {};
    if (raw.AccountMFAEnabled === undefined || raw.AccountAccessKeysPresent === undefined) {
      throw new Error('GetAccountSummary answered without AccountMFAEnabled / AccountAccessKeysPresent');
    }
    return {
      accountMfaEnabled: raw.AccountMFAEnabled === 1,
      accountAccessKeysPresent: raw.AccountAccessKeysPresent === 1,
      raw,
    };
  },
});
