// The member side, deployed from the management account (or a delegated StackSets administrator) to every
// account of the chosen OUs, now and as accounts join them: service-managed StackSets with automatic
// deployment. The templates are the standalone member stacks, synthesized from the same classes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aws, CfnCondition, CliCredentialsStackSynthesizer, Fn, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import { CfnStackSet } from 'aws-cdk-lib/aws-cloudformation';
import type { Construct } from 'constructs';
import type { DeployContext } from './context.ts';
import { MemberEventsStack } from './member-events.ts';
import { MemberRolesStack } from './member-roles.ts';
import { EVENT_BUS_NAME, TASK_ROLE_NAME } from './names.ts';
import { externalIdParameter, MEMBER_PARAMETERS, organizationalUnitsParameter } from './parameters.ts';

/**
 * Member templates need no CDK bootstrap: they have no assets, StackSets deploy them, and a single account
 * deploys the standalone template with its own credentials (no bootstrap version rule, no deploy role).
 */
export function memberSynthesizer(): CliCredentialsStackSynthesizer {
  return new CliCredentialsStackSynthesizer();
}

/** The member templates as CloudFormation JSON, built in an app of their own. */
export function memberTemplates(ctx: DeployContext): { roles: unknown; events: unknown } {
  // Its own output directory: the CLI's CDK_OUTDIR belongs to the outer app.
  const outdir = mkdtempSync(join(tmpdir(), 'awscheck-member-'));
  const app = new App({ outdir, analyticsReporting: false });
  const roles = new MemberRolesStack(app, 'Roles', { readRoleName: ctx.readRoleName, fixRoleName: ctx.fixRoleName, synthesizer: memberSynthesizer() });
  const events = new MemberEventsStack(app, 'Events', { synthesizer: memberSynthesizer() });
  try {
    const assembly = app.synth();
    return { roles: assembly.getStackByName(roles.stackName).template, events: assembly.getStackByName(events.stackName).template };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export class MemberStackSetsStack extends Stack {
  constructor(scope: Construct, id: string, ctx: DeployContext, props: StackProps = {}) {
    super(scope, id, props);
    this.templateOptions.description = 'awscheck: member-account roles and event forwarding, as service-managed StackSets over the chosen OUs';
    const externalId = externalIdParameter(this, 'External id the bot presents to the member roles (context awscheck:externalId)', ctx.externalId);
    const ous = organizationalUnitsParameter(this, 'OUs (ou-…) or the root (r-…) whose accounts get the roles (context awscheck:organizationalUnits)', ctx.organizationalUnits);
    // The bot runs in this account and region (organization discovery needs the management account or a
    // delegated administrator); its role and bus have fixed names, so no export ties the stacks together.
    const botRoleArn = `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${TASK_ROLE_NAME}`;
    const busArn = `arn:${Aws.PARTITION}:events:${Aws.REGION}:${Aws.ACCOUNT_ID}:event-bus/${EVENT_BUS_NAME}`;
    const templates = memberTemplates(ctx);
    const common = {
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      callAs: ctx.callAs,
      managedExecution: { Active: true },
      operationPreferences: { failureTolerancePercentage: 10, maxConcurrentPercentage: 25, regionConcurrencyType: 'PARALLEL' },
    };
    new CfnStackSet(this, 'RolesStackSet', {
      ...common,
      stackSetName: 'awscheck-member-roles',
      description: 'awscheck-read and awscheck-fix in every member account',
      capabilities: ['CAPABILITY_NAMED_IAM'],
      templateBody: JSON.stringify(templates.roles),
      parameters: [
        { parameterKey: MEMBER_PARAMETERS.botRoleArn, parameterValue: botRoleArn },
        { parameterKey: MEMBER_PARAMETERS.externalId, parameterValue: externalId.valueAsString },
      ],
      // IAM is global: one region per account is enough.
      stackInstancesGroup: [{ regions: [Aws.REGION], deploymentTargets: { organizationalUnitIds: ous.valueAsList } }],
    });
    const events = new CfnStackSet(this, 'EventsStackSet', {
      ...common,
      stackSetName: 'awscheck-member-events',
      description: 'Forwards risky CloudTrail management events to the awscheck event bus',
      capabilities: ['CAPABILITY_IAM'],
      templateBody: JSON.stringify(templates.events),
      parameters: [{ parameterKey: MEMBER_PARAMETERS.eventBusArn, parameterValue: busArn }],
      stackInstancesGroup: [{ regions: this.eventRegions(ctx), deploymentTargets: { organizationalUnitIds: ous.valueAsList } }],
    });
    if (!ctx.eventRegions) {
      Validations.of(events).acknowledge({
        id: 'CloudFormation-Validate::F3037',
        reason: 'The regions are [us-east-1] in us-east-1 and [this region, us-east-1] elsewhere (Fn::If on InUsEast1), never a duplicate; the linter reads both branches without the condition.',
      });
    }
  }

  /** The chosen regions, or this region plus us-east-1, where IAM and console sign-in events arrive. */
  private eventRegions(ctx: DeployContext): string[] {
    if (ctx.eventRegions) return ctx.eventRegions;
    const inUsEast1 = new CfnCondition(this, 'InUsEast1', { expression: Fn.conditionEquals(Aws.REGION, 'us-east-1') });
    return Token.asList(Fn.conditionIf(inUsEast1.logicalId, ['us-east-1'], [Aws.REGION, 'us-east-1']));
  }
}
