// ARNs for regional resources. The partition follows the region, so China and GovCloud ARNs are right too.
import type { EvaluateContext } from '../../../src/engine/types.ts';

const PARTITIONS: readonly [prefix: string, partition: string][] = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-iso-', 'aws-iso'],
];

export function partitionOf(region: string): string {
  return PARTITIONS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}

/** e.g. regionalArn(ctx, 'ec2', 'security-group/sg-0abc'). */
export function regionalArn(ctx: Pick<EvaluateContext, 'region' | 'accountId'>, service: string, resource: string): string {
  return `arn:${partitionOf(ctx.region)}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}
