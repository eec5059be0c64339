import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { readOnlyPolicy } from '../../src/policy/read-only.ts';
import { dynamoDbStatements } from '../../src/store/dynamodb/permissions.ts';
import { DYNAMODB_TABLE, TABLE_KEYS } from '../../src/store/dynamodb/table.ts';
import type { AwscheckApp } from '../../deploy/lib/app.ts';
import { ALERT_EVENTS } from '../../deploy/lib/events.ts';
import { ORGANIZATIONS_READ_ACTIONS } from '../../deploy/lib/names.ts';
import { type Cfn, CONTEXT, resolve, testApp } from './template.ts';

const REFS = { 'AWS::Partition': 'aws', 'AWS::AccountId': '111122223333', 'AWS::Region': 'eu-west-1' };

describe('the bot stack', () => {
  let built: AwscheckApp;
  let bot: Template;

  beforeAll(() => {
    built = testApp();
    bot = Template.fromStack(built.bot);
  }, 180_000);

  const container = () => {
    const [task] = Object.values(bot.findResources('AWS::ECS::TaskDefinition'));
    return task!.Properties.ContainerDefinitions[0] as Cfn;
  };
  const environment = () => Object.fromEntries(container().Environment.map((e: Cfn) => [e.Name, e.Value]));

  it('injects the Slack tokens as ECS secrets from the named Secrets Manager secrets, never as plain values', () => {
    const secrets = container().Secrets as { Name: string; ValueFrom: unknown }[];
    expect(secrets.map((s) => s.Name).sort()).toEqual(['SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN']);
    const arn = (name: string) => resolve(secrets.find((s) => s.Name === name)!.ValueFrom, REFS) as string;
    expect(arn('SLACK_BOT_TOKEN')).toMatch(/^arn:aws:secretsmanager:[a-z0-9-]+:111122223333:secret:team\/awscheck-bot-token$/);
    expect(arn('SLACK_APP_TOKEN')).toMatch(/:secret:team\/awscheck-app-token$/);
    const env = environment();
    expect(Object.keys(env).filter((k) => k.startsWith('SLACK_'))).toEqual([]);
    expect(JSON.stringify(env)).not.toMatch(/xox[bp]-|xapp-/);
    // Only the execution role may read the secrets, and only those two.
    const policies = JSON.stringify(bot.findResources('AWS::IAM::Policy'));
    expect(policies.match(/secretsmanager:GetSecretValue/g)?.length).toBeGreaterThan(0);
  });

  it('sets the store, the organization role, the queue and the channels in the environment', () => {
    const env = environment();
    const [tableId] = Object.keys(bot.findResources('AWS::DynamoDB::Table'));
    const [queueId] = Object.keys(bot.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.anyValue() } }));
    expect(env.AWSCHECK_DB).toEqual({ 'Fn::Join': ['', ['dynamodb://', { Ref: tableId }]] });
    expect(env.AWSCHECK_ORG_ROLE_NAME).toBe('awscheck-read');
    expect(env.AWSCHECK_EVENTS_QUEUE_URL).toEqual({ Ref: queueId });
    expect(env.AWSCHECK_REPORT_CHANNEL).toBe(CONTEXT['awscheck:reportChannel']);
    expect(env.AWSCHECK_ALERT_CHANNEL).toBe(CONTEXT['awscheck:alertChannel']);
    // The organization settings the container writes to AWSCHECK_CONFIG: the roles, the external id, the OUs
    // the StackSet covers and this account.
    const settings = JSON.parse(
      resolve(env.AWSCHECK_DEPLOY_SETTINGS, { ...REFS, ExternalId: 'ext-1234567890', OrganizationalUnitIds: ['ou-ab12-11111111', 'ou-ab12-22222222'] }) as string,
    );
    expect(settings).toEqual({
      organization: {
        roleName: 'awscheck-read',
        remediationRoleName: 'awscheck-fix',
        externalId: 'ext-1234567890',
        include: ['ou-ab12-11111111', 'ou-ab12-22222222', '111122223333'],
      },
    });
    expect(env.AWSCHECK_CONFIG).toBe('/tmp/awscheck.yml');
    expect(container().Command.join(' ')).toContain('> /tmp/awscheck.yml && exec node --optimize-for-size dist/src/main.js');
    expect(container().MountPoints ?? []).toEqual([]);
  });

  it('runs on Fargate in Socket Mode: no inbound rule, no load balancer, no public IP', () => {
    bot.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    for (const group of Object.values(bot.findResources('AWS::EC2::SecurityGroup'))) {
      expect(group.Properties.SecurityGroupIngress ?? []).toEqual([]);
    }
    bot.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() }],
    });
    expect(Object.keys(bot.toJSON().Resources).filter((id) => /ElasticLoadBalancing/.test(bot.toJSON().Resources[id].Type))).toEqual([]);
    bot.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      DesiredCount: 2,
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED' } },
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true } }),
    });
    expect(container().PortMappings ?? []).toEqual([]);
    bot.hasResourceProperties('AWS::EC2::NatGateway', {});
  });

  it('keeps logs in CloudWatch Logs with a retention', () => {
    const logging = container().LogConfiguration;
    expect(logging.LogDriver).toBe('awslogs');
    expect(logging.Options['awslogs-stream-prefix']).toBe('awscheck');
    const group = bot.toJSON().Resources[logging.Options['awslogs-group'].Ref];
    expect(group.Type).toBe('AWS::Logs::LogGroup');
    expect(group.Properties.RetentionInDays).toBe(30);
    // The VPC's flow logs too: no log group keeps data forever.
    for (const each of Object.values(bot.findResources('AWS::Logs::LogGroup'))) expect(each.Properties.RetentionInDays).toBe(30);
  });

  it('creates the table from the store’s description, with PITR, TTL and deletion protection, kept on stack deletion', () => {
    bot.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: DYNAMODB_TABLE.timeToLiveAttribute, Enabled: true },
        ...TABLE_KEYS,
      },
    });
  });

  it('lets the task role assume the member roles, use its table and queue, discover the organization and read this account only', () => {
    const [roleId] = Object.keys(bot.findResources('AWS::IAM::Role', { Properties: { RoleName: 'awscheck-bot' } }));
    bot.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'awscheck-bot',
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' } }] },
    });
    const attached = Object.values(bot.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]));
    const [tableId] = Object.keys(bot.findResources('AWS::DynamoDB::Table'));
    const [queueId] = Object.keys(bot.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.anyValue() } }));
    const refs = { ...REFS, [`${tableId}.Arn`]: 'arn:aws:dynamodb:eu-west-1:111122223333:table/T', [`${queueId}.Arn`]: 'arn:aws:sqs:eu-west-1:111122223333:Q' };
    const getAtt = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value), (_k, v) => (v && typeof v === 'object' && 'Fn::GetAtt' in v ? { Ref: (v['Fn::GetAtt'] as string[]).join('.') } : v));
    const statements = attached.flatMap((p) => (resolve(getAtt(p.Properties.PolicyDocument), refs) as Cfn).Statement);
    const bySid = (sid: string) => statements.find((s: Cfn) => s.Sid === sid);
    const asList = (v: unknown) => (Array.isArray(v) ? v : [v]);

    expect(bySid('AssumeMemberRoles')).toMatchObject({ Effect: 'Allow', Action: 'sts:AssumeRole' });
    expect(asList(bySid('AssumeMemberRoles').Resource)).toEqual(['arn:aws:iam::*:role/awscheck-read', 'arn:aws:iam::*:role/awscheck-fix']);
    expect(asList(bySid('DiscoverOrganization').Action).sort()).toEqual([...ORGANIZATIONS_READ_ACTIONS].sort());
    expect(asList(bySid('ReadAlertQueue').Action).sort()).toEqual(['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage']);
    expect(bySid('ReadAlertQueue').Resource).toBe('arn:aws:sqs:eu-west-1:111122223333:Q');
    for (const expected of dynamoDbStatements('arn:aws:dynamodb:eu-west-1:111122223333:table/T')) {
      const found = statements.find((s: Cfn) => s.Sid === expected.Sid);
      expect({ ...found, Action: asList(found.Action), Resource: asList(found.Resource) }).toEqual(expected);
    }
    const scan = statements.find((s: Cfn) => s.Sid === 'AwscheckReadOnlyScan');
    expect({ ...scan, Action: asList(scan.Action) }).toEqual(readOnlyPolicy(ALL_CHECKS, { organization: false }).Statement[0]);
    // Nothing else: no write outside the table and the queue, no AssumeRole on other roles.
    const sids = statements.map((s: Cfn) => s.Sid).sort();
    expect(sids).toEqual(['AssumeMemberRoles', 'AwscheckReadOnlyScan', 'DiscoverOrganization', 'ReadAlertQueue', ...dynamoDbStatements('x').map((s) => s.Sid)].sort());
  });

  it('takes the organization’s events on a central bus into an encrypted queue with a dead-letter queue', () => {
    bot.hasResourceProperties('AWS::Events::EventBus', { Name: 'awscheck-events' });
    bot.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'events:PutEvents',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': { Ref: 'OrganizationId' } } },
      },
    });
    bot.hasParameter('OrganizationId', { Default: 'o-abcdef1234' });
    const queues = bot.findResources('AWS::SQS::Queue');
    const [dlqId] = Object.keys(queues).filter((id) => !queues[id]!.Properties.RedrivePolicy);
    bot.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 5 },
    });
    for (const queue of Object.values(queues)) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    // One rule on the central bus, one on this account's default bus; both match the alert events only.
    const rules = Object.values(bot.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(2);
    for (const rule of rules) {
      expect(rule.Properties.EventPattern.detail.eventSource).toEqual(Object.keys(ALERT_EVENTS));
      expect(rule.Properties.Targets[0].Arn['Fn::GetAtt'][0]).toBe(Object.keys(queues).find((id) => queues[id]!.Properties.RedrivePolicy));
    }
  });

  it('passes cdk-nag AwsSolutions with every finding acknowledged beside its code, and no warning or error', () => {
    // Template.fromStack synthesized the app with its validation plugins: a finding would have thrown.
    for (const stack of [built.bot, built.stackSets, built.roles, built.events]) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    }
  });
});
