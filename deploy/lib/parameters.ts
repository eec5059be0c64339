// The CloudFormation parameters several stacks share, declared once so their names and validation agree.
import { CfnParameter } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** `ExternalId`: what the bot presents to the member roles; `fallback` is the deploy-time context value. */
export function externalIdParameter(scope: Construct, description: string, fallback?: string): CfnParameter {
  return new CfnParameter(scope, 'ExternalId', {
    type: 'String',
    description,
    minLength: 2,
    maxLength: 1224,
    allowedPattern: '^[\\w+=,.@:/-]+$',
    ...(fallback ? { default: fallback } : {}),
  });
}

/** `OrganizationalUnitIds`: the OUs (or the root) the member roles go to and the bot scans. */
export function organizationalUnitsParameter(scope: Construct, description: string, fallback?: readonly string[]): CfnParameter {
  return new CfnParameter(scope, 'OrganizationalUnitIds', {
    type: 'CommaDelimitedList',
    description,
    ...(fallback ? { default: fallback.join(',') } : {}),
  });
}
