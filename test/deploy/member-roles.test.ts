import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { type IamPolicyDocument, readOnlyPolicy } from '../../src/policy/read-only.ts';
import { remediationPolicy } from '../../src/policy/remediation.ts';
import { STACK_NAMES } from '../../deploy/lib/app.ts';
import { ALERT_EVENTS } from '../../deploy/lib/events.ts';
import { runAwscheck } from '../helpers/cli.ts';
import { type Cfn, resolve, testApp } from './template.ts';

const PARTITION = { 'AWS::Partition': 'aws' };

describe('the member-account roles', () => {
  let roles: Template;
  let stackSets: Template;
  let bot: Template;
  let events: Template;

  beforeAll(() => {
    const built = testApp();
    roles = Template.fromStack(built.roles);
    events = Template.fromStack(built.events);
    stackSets = Template.fromStack(built.stackSets);
    bot = Template.fromStack(built.bot);
  }, 180_000);

  const roleNamed = (template: Template, name: string) => {
    const found = Object.values(template.findResources('AWS::IAM::Role', { Properties: { RoleName: name } }));
    expect(found).toHaveLength(1);
    return found[0]!.Properties as Cfn;
  };

  it('trust only the bot task role, and only with the external id', () => {
    for (const name of ['awscheck-read', 'awscheck-fix']) {
      const role = roleNamed(roles, name);
      expect(role.AssumeRolePolicyDocument).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: { Ref: 'BotRoleArn' } },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
          },
        ],
      });
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
    roles.hasParameter('BotRoleArn', { AllowedPattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$' });
    roles.hasParameter('ExternalId', { MinLength: 2, MaxLength: 1224 });
    expect(roles.toJSON().Parameters.ExternalId.Default).toBeUndefined();
  });

  it('carry exactly the policies `awscheck policy` and `awscheck policy --remediation` print', async () => {
    const read = roleNamed(roles, 'awscheck-read');
    const fix = roleNamed(roles, 'awscheck-fix');
    expect(read.Policies).toHaveLength(1);
    expect(fix.Policies).toHaveLength(1);
    expect(resolve(read.Policies[0].PolicyDocument, PARTITION)).toEqual(readOnlyPolicy(ALL_CHECKS, { organization: false }));
    expect(resolve(fix.Policies[0].PolicyDocument, PARTITION)).toEqual(remediationPolicy());
    const [cliRead, cliFix] = await Promise.all([runAwscheck(['policy']), runAwscheck(['policy', '--remediation'])]);
    // The member role is `awscheck policy` less organization discovery, which only the bot's account runs.
    const printed = JSON.parse(cliRead.stdout) as IamPolicyDocument;
    expect(printed.Statement.map((s) => s.Sid)).toContain('AwscheckOrganizationDiscovery');
    expect(resolve(read.Policies[0].PolicyDocument, PARTITION)).toEqual({ ...printed, Statement: printed.Statement.filter((s) => s.Sid !== 'AwscheckOrganizationDiscovery') });
    expect(resolve(fix.Policies[0].PolicyDocument, PARTITION)).toEqual(JSON.parse(cliFix.stdout));
    // The fix role's ARNs follow the partition it is deployed in (GovCloud, China).
    expect(resolve(fix.Policies[0].PolicyDocument, { 'AWS::Partition': 'aws-us-gov' })).toEqual(remediationPolicy(undefined, { partition: 'aws-us-gov' }));
    // IAM's limit for a role's inline policies (whitespace excluded).
    for (const role of [read, fix]) expect(JSON.stringify(resolve(role.Policies[0].PolicyDocument, PARTITION)).length).toBeLessThan(10_240);
  });

  it('are deployed as a service-managed StackSet to the chosen OUs, with automatic deployment to new accounts', () => {
    stackSets.hasResourceProperties('AWS::CloudFormation::StackSet', {
      StackSetName: 'awscheck-member-roles',
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      CallAs: 'SELF',
      StackInstancesGroup: [{ DeploymentTargets: { OrganizationalUnitIds: { Ref: 'OrganizationalUnitIds' } }, Regions: [{ Ref: 'AWS::Region' }] }],
    });
    stackSets.hasParameter('OrganizationalUnitIds', { Type: 'CommaDelimitedList', Default: 'ou-ab12-11111111,ou-ab12-22222222' });
    stackSets.hasParameter('ExternalId', { Default: 'ext-1234567890' });
  });

  it('the StackSet deploys the standalone template, trusting the bot stack’s task role', () => {
    const [set] = Object.values(stackSets.findResources('AWS::CloudFormation::StackSet', { Properties: { StackSetName: 'awscheck-member-roles' } }));
    const body = JSON.parse(set!.Properties.TemplateBody);
    expect(body.Resources).toEqual(roles.toJSON().Resources);
    expect(body.Parameters).toEqual(roles.toJSON().Parameters);
    const params = Object.fromEntries(set!.Properties.Parameters.map((p: Cfn) => [p.ParameterKey, p.ParameterValue]));
    const botRole = Object.entries(bot.findResources('AWS::IAM::Role', { Properties: { RoleName: 'awscheck-bot' } }));
    expect(botRole).toHaveLength(1);
    const refs = { 'AWS::Partition': 'aws', 'AWS::AccountId': '111122223333', 'AWS::Region': 'eu-west-1', ExternalId: 'ext-1234567890' };
    expect(resolve(params.BotRoleArn, refs)).toBe('arn:aws:iam::111122223333:role/awscheck-bot');
    expect(resolve(params.ExternalId, refs)).toBe('ext-1234567890');
  });

  it('names the stacks the README deploys', () => {
    expect(STACK_NAMES).toEqual({ bot: 'AwscheckBot', stackSets: 'AwscheckMemberStackSets', roles: 'AwscheckMemberRoles', events: 'AwscheckMemberEvents' });
  });

  it('forward the alert events from every member account to the bot’s bus, through a role that may only put them there', () => {
    const [rule] = Object.values(events.findResources('AWS::Events::Rule'));
    const pattern = rule!.Properties.EventPattern;
    expect(pattern['detail-type']).toEqual(['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail']);
    expect(pattern.detail.eventSource).toEqual(Object.keys(ALERT_EVENTS));
    const names = pattern.detail.$or.flatMap((branch: Cfn) => branch.eventName);
    expect(names.sort()).toEqual(Object.values(ALERT_EVENTS).flat().sort());
    // The root user's sign-ins and keys only; anyone's security-group or bucket change.
    expect(pattern.detail.$or).toContainEqual({ eventName: ['ConsoleLogin', 'CreateAccessKey'], userIdentity: { type: ['Root'] } });
    expect(pattern.source).toContain('aws.ec2');
    expect(pattern.source).toContain('aws.signin');
    expect(rule!.Properties.Targets).toEqual([{ Id: 'Target0', Arn: { Ref: 'EventBusArn' }, RoleArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } }]);
    const [policy] = Object.values(events.findResources('AWS::IAM::Policy'));
    expect(policy!.Properties.PolicyDocument.Statement).toEqual([{ Action: 'events:PutEvents', Effect: 'Allow', Resource: { Ref: 'EventBusArn' } }]);

    const [set] = Object.values(stackSets.findResources('AWS::CloudFormation::StackSet', { Properties: { StackSetName: 'awscheck-member-events' } }));
    expect(set!.Properties.PermissionModel).toBe('SERVICE_MANAGED');
    expect(set!.Properties.AutoDeployment).toEqual({ Enabled: true, RetainStacksOnAccountRemoval: false });
    expect(JSON.parse(set!.Properties.TemplateBody).Resources).toEqual(events.toJSON().Resources);
    const busArn = set!.Properties.Parameters.find((p: Cfn) => p.ParameterKey === 'EventBusArn').ParameterValue;
    expect(resolve(busArn, { 'AWS::Partition': 'aws', 'AWS::AccountId': '111122223333', 'AWS::Region': 'eu-west-1' })).toBe(
      'arn:aws:events:eu-west-1:111122223333:event-bus/awscheck-events',
    );
    // Each member region, plus us-east-1 where IAM and console sign-in events arrive, without a duplicate.
    expect(set!.Properties.StackInstancesGroup[0].Regions).toEqual({ 'Fn::If': ['InUsEast1', ['us-east-1'], [{ Ref: 'AWS::Region' }, 'us-east-1']] });
  });
});
