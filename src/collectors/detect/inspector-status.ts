// Amazon Inspector's status for this account in one region: the account as a whole and EC2 scanning.
import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { defineCollector } from '../../engine/define.ts';
import { type RegionalService, whereAvailable } from './availability.ts';
import { sendOptions } from '../sdk.ts';

export interface InspectorAccountStatus {
  /** Inspector for the account: ENABLED, ENABLING, DISABLED, DISABLING, SUSPENDED or SUSPENDING. */
  accountStatus?: string;
  /** EC2 scanning, same values. */
  ec2Status: string;
  /** Inspector's own explanation when EC2 scanning is in trouble, e.g. SSM_UNAVAILABLE. */
  ec2ErrorCode?: string;
}

export type InspectorStatus = RegionalService<InspectorAccountStatus>;

export const inspectorStatus = defineCollector<InspectorStatus>({
  id: 'detect.inspector-status',
  scope: 'regional',
  actions: ['inspector2:BatchGetAccountStatus'],
  collect: (ctx) =>
    whereAvailable(ctx, 'Amazon Inspector', async () => {
      const answer = await ctx.session
        .client(Inspector2Client, ctx.region)
        .send(new BatchGetAccountStatusCommand({ accountIds: [ctx.accountId] }), sendOptions(ctx));
      const mine = answer.accounts?.find((account) => account.accountId === ctx.accountId);
      if (!mine) {
        // The batch call reports per-account failures in the body, not as an exception.
        const failed = answer.failedAccounts?.find((account) => account.accountId === ctx.accountId);
        throw new Error(
          failed
            ? `Inspector could not report this account's status: ${failed.errorCode ?? 'unknown'}: ${failed.errorMessage ?? ''}`
            : 'BatchGetAccountStatus answered without this account',
        );
      }
      const ec2 = mine.resourceState?.ec2;
      if (!ec2?.status) throw new Error('BatchGetAccountStatus answered without an EC2 scanning status');
      return {
        ...(mine.state?.status ? { accountStatus: mine.state.status } : {}),
        ec2Status: ec2.status,
        ...(ec2.errorCode ? { ec2ErrorCode: ec2.errorCode } : {}),
      };
    }),
});
