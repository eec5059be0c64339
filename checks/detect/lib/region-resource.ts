// Detection services are judged per account and region: every result names that pair as its resource.
import type { RegionalService } from '../../../src/collectors/detect/availability.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { Collector, EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import type { CheckFolder } from '../../lib/folder.ts';

export function regionResource(ctx: EvaluateContext): Pick<ResultDraft, 'region' | 'resourceType' | 'resourceId'> {
  return { region: ctx.region, resourceType: 'AWS::::Account', resourceId: `${ctx.accountId}/${ctx.region}` };
}

/** A detection check's one result for its account and region. */
export function regionResult(ctx: EvaluateContext, status: ResultDraft['status'], evidence: Message, details: ResultDraft['details']): ResultDraft[] {
  return [{ status, ...regionResource(ctx), evidence, details }];
}

export type RegionVerdict = Pick<ResultDraft, 'status' | 'evidence' | 'details'>;

export interface RegionalServiceCheck<T extends object> extends CheckFolder {
  /** The service's collector: what it reads in a region, or `available: false` where it is not offered. */
  reads: Collector<RegionalService<T>>;
  /** The verdict where the service is offered; said in the check's folder, whose words hold its sentences. */
  judge: (inventory: T, ctx: EvaluateContext) => RegionVerdict;
}

/**
 * A check of a service that is not offered everywhere: one result for the account and region, and none where
 * it is not offered (the collector left a note): "off" would be false there, "on" would be worse.
 */
export function defineRegionalServiceCheck<T extends object>({ reads, judge, ...folder }: RegionalServiceCheck<T>) {
  return defineCheck({
    ...folder,
    needs: [reads],
    evaluate([inventory], ctx) {
      if (!inventory.available) return [];
      const { status, evidence, details } = judge(inventory, ctx);
      return regionResult(ctx, status, evidence, details);
    },
  });
}
