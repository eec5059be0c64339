// A finding about the account itself (one of its settings, its root user) names the account as its resource.
import { type EvaluateContext, GLOBAL_REGION, type ResultDraft } from '../../src/engine/types.ts';

/** The account as a result's resource: account-wide unless the setting it judges is one region's. */
export function accountResource(ctx: EvaluateContext, region: string = GLOBAL_REGION): Pick<ResultDraft, 'region' | 'resourceType' | 'resourceId'> {
  return { region, resourceType: 'AWS::::Account', resourceId: ctx.accountId };
}
