// IAM Access Analyzer analyzers in one region, every type (the check decides which ones count).
import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import { defineCollector } from '../../engine/define.ts';
import { type RegionalService, whereAvailable } from './availability.ts';
import { collectPages, sendOptions } from '../sdk.ts';

export interface AccessAnalyzer {
  arn: string;
  name: string;
  /** ACCOUNT, ORGANIZATION, or an unused/internal-access variant. */
  type: string;
  /** ACTIVE, CREATING, DISABLED or FAILED. */
  status: string;
}

export type AccessAnalyzers = RegionalService<{ analyzers: AccessAnalyzer[] }>;

export const accessAnalyzers = defineCollector<AccessAnalyzers>({
  id: 'detect.access-analyzers',
  scope: 'regional',
  actions: ['access-analyzer:ListAnalyzers'],
  collect: (ctx) =>
    whereAvailable(ctx, 'IAM Access Analyzer', async () => {
      const client = ctx.session.client(AccessAnalyzerClient, ctx.region);
      // One unfiltered listing: filtering by type would cost a call per type.
      const analyzers = await collectPages(
        paginateListAnalyzers({ client }, {}, sendOptions(ctx)),
        (page) => page.analyzers,
        (analyzer): AccessAnalyzer => {
          if (!analyzer.arn || !analyzer.name || !analyzer.type || !analyzer.status) {
            throw new Error('ListAnalyzers answered an analyzer without arn, name, type or status');
          }
          return { arn: analyzer.arn, name: analyzer.name, type: analyzer.type, status: analyzer.status };
        },
      );
      return { analyzers };
    }),
});
