// The account-wide Block Public Access switches (S3 Control), which override every bucket's own.
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { hasErrorCode } from '../../aws/errors.ts';
import { defineCollector } from '../../engine/define.ts';
import { S3CONTROL_COMMAND_ACTIONS } from './actions.ts';
import { NO_PUBLIC_ACCESS_BLOCK, publicAccessBlockConfig } from './public-access-block.ts';
import type { PublicAccessBlockState } from './types.ts';

export const accountPublicAccessBlock = defineCollector<PublicAccessBlockState>({
  id: 's3.account-public-access-block',
  service: 's3',
  scope: 'global',
  actions: [S3CONTROL_COMMAND_ACTIONS.GetPublicAccessBlock],
  async collect(ctx) {
    try {
      const answer = await ctx.session
        .client(S3ControlClient, ctx.session.homeRegion)
        .send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId }), ctx.signal ? { abortSignal: ctx.signal } : {});
      return { configured: true, config: publicAccessBlockConfig(answer.PublicAccessBlockConfiguration) };
    } catch (err) {
      if (hasErrorCode(err, 'NoSuchPublicAccessBlockConfiguration')) return { configured: false, config: { ...NO_PUBLIC_ACCESS_BLOCK } };
      throw err;
    }
  },
});
