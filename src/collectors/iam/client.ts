// The IAM client every IAM collector uses: IAM is global, so calls go to the account's home region.
import { IAMClient } from '@aws-sdk/client-iam';
import type { CollectContext } from '../../engine/types.ts';

export function iamClient(ctx: CollectContext): IAMClient {
  return ctx.session.client(IAMClient, ctx.session.homeRegion);
}
