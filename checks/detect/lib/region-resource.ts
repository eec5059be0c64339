// Detection services are judged per account and region: every result names that pair as its resource.
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';

export function regionResource(ctx: EvaluateContext): Pick<ResultDraft, 'region' | 'resourceType' | 'resourceId'> {
  return { region: ctx.region, resourceType: 'AWS::::Account', resourceId: `${ctx.accountId}/${ctx.region}` };
}
