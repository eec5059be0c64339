// The catalogue: every check of ../shared/CHECKS.md, in its order. `awscheck checks` prints this list.
import type { AnyCheck } from '../src/engine/types.ts';
import { detectChecks } from './detect/index.ts';
import { ec2Checks } from './ec2/index.ts';
import { iamChecks } from './iam/index.ts';
import { s3Checks } from './s3/index.ts';
import { ssmChecks } from './ssm/index.ts';

export const ALL_CHECKS: readonly AnyCheck[] = [...iamChecks, ...s3Checks, ...ec2Checks, ...ssmChecks, ...detectChecks];

export function findCheck(id: string): AnyCheck | undefined {
  return ALL_CHECKS.find((check) => check.id === id);
}
