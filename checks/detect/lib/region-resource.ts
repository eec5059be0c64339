// Detection services are judged per account and region: every result names that pair as its resource.
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';

export function regionResource(ctx: EvaluateContext): Pick<ResultDraft, 'region' | 'resourceType' | 'resourceId'> {
  return { region: ctx.region, resourceType: 'AWS::::Account', resourceId: `${ctx.accountId}/${ctx.region}` };
}

/** A detection check's one result for its account and region. */
export function regionResult(ctx: EvaluateContext, status: ResultDraft['status'], evidence: Message, details: ResultDraft['details']): ResultDraft[] {
  return [{ status, ...regionResource(ctx), evidence, details }];
}
