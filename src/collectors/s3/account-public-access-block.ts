// The account-wide Block Public Access switches (S3 Control), which override every bucket's own.
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { defineCollector } from '../../engine/define.ts';
import { orNotConfigured, sendOptions } from '../sdk.ts';
import { S3CONTROL_COMMAND_ACTIONS } from './actions.ts';
import { PUBLIC_ACCESS_BLOCK_NOT_CONFIGURED, publicAccessBlockState } from './public-access-block.ts';
import type { PublicAccessBlockState } from './types.ts';

export const accountPublicAccessBlock = defineCollector<PublicAccessBlockState>({
  id: 's3.account-public-access-block',
  scope: 'global',
  actions: [S3CONTROL_COMMAND_ACTIONS.GetPublicAccessBlock],
  collect: (ctx) =>
    orNotConfigured(async () => {
      const answer = await ctx.session
        .client(S3ControlClient, ctx.session.homeRegion)
        .send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId }), sendOptions(ctx));
      return publicAccessBlockState(answer.PublicAccessBlockConfiguration);
    }, PUBLIC_ACCESS_BLOCK_NOT_CONFIGURED),
});
