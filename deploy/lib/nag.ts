// cdk-nag is CommonJS whose exports Node's ESM loader cannot list: import the module object once, here.
// Findings are acknowledged with CDK's own Validations API (cdk-nag v3), always with the reason beside the code.
import { Validations } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import type { IConstruct } from 'constructs';

export const { AwsSolutionsChecks } = cdkNag;

/** Acknowledges one AwsSolutions finding (e.g. ECS4, or IAM5[Resource::*]) on a construct and its children. */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });
}

/**
 * cdk-nag v3 reports each wildcard resource of a policy as its own IAM5 finding: acknowledge exactly the
 * given ones (written as cdk-nag prints them, e.g. arn:<AWS::Partition>:s3:::*), so a new one still fails.
 */
export function acknowledgeWildcards(scope: IConstruct, resources: Iterable<string>, reason: string): void {
  for (const resource of new Set(resources)) {
    if (resource.includes('*')) acknowledge(scope, `IAM5[Resource::${resource}]`, reason);
  }
}
