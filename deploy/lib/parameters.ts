// The CloudFormation parameters several stacks share, declared once so their names and validation agree.
import { CfnParameter } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** The parameters the member stacks declare and the StackSets stack fills in, by name. */
export const MEMBER_PARAMETERS = { botRoleArn: 'BotRoleArn', externalId: 'ExternalId', eventBusArn: 'EventBusArn' } as const;

/** `ExternalId`: what the bot presents to the member roles; `fallback` is the deploy-time context value. */
export function externalIdParameter(scope: Construct, description: string, fallback?: string): CfnParameter {
  return new CfnParameter(scope, MEMBER_PARAMETERS.externalId, {
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

function arnParameter(scope: Construct, name: string, description: string, allowedPattern: string): CfnParameter {
  return new CfnParameter(scope, name, { type: 'String', description, allowedPattern });
}

/** `BotRoleArn`: the bot's task role, the one principal the member roles trust. */
export function botRoleArnParameter(scope: Construct): CfnParameter {
  return arnParameter(
    scope,
    MEMBER_PARAMETERS.botRoleArn,
    'ARN of the awscheck bot task role (arn:aws:iam::<bot account>:role/awscheck-bot)',
    '^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$',
  );
}

/** `EventBusArn`: the bot's event bus, where each member forwards its events. */
export function eventBusArnParameter(scope: Construct): CfnParameter {
  return arnParameter(
    scope,
    MEMBER_PARAMETERS.eventBusArn,
    'ARN of the awscheck event bus in the bot account (arn:aws:events:<region>:<account>:event-bus/awscheck-events)',
    '^arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/[\\w.-]+$',
  );
}
