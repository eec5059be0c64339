// GuardDuty detectors in one region (at most one per account and region, but the API pages a list).
import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { defineCollector } from '../../engine/define.ts';
import { type RegionalService, whereAvailable } from './availability.ts';
import { collectPages, sendOptions } from '../sdk.ts';

export interface GuardDutyDetector {
  id: string;
  /** ENABLED, or DISABLED when the detector is suspended. */
  status: string;
}

export type GuardDutyDetectors = RegionalService<{ detectors: GuardDutyDetector[] }>;

export const guardDutyDetectors = defineCollector<GuardDutyDetectors>({
  id: 'detect.guardduty-detectors',
  scope: 'regional',
  actions: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  collect: (ctx) =>
    whereAvailable(ctx, 'Amazon GuardDuty', async () => {
      const client = ctx.session.client(GuardDutyClient, ctx.region);
      const ids = await collectPages(paginateListDetectors({ client }, {}, sendOptions(ctx)), (page) => page.DetectorIds, (id) => id);
      const detectors = await Promise.all(
        ids.map(async (id) => {
          const detector = await client.send(new GetDetectorCommand({ DetectorId: id }), sendOptions(ctx));
          if (!detector.Status) throw new Error(`GetDetector answered without a Status for detector ${id}`);
          return { id, status: detector.Status };
        }),
      );
      return { detectors };
    }),
});
