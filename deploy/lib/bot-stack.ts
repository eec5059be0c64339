// The bot: one container image, an ECS Fargate service in Socket Mode (outbound only: no load balancer, no
// inbound rule, no public IP), its DynamoDB table, the central event bus and queue for alerts, and a task role
// that may only assume the member roles, use its table and queue, and read its own account.
import { fileURLToPath } from 'node:url';
import { Aws, type CfnElement, CfnParameter, Duration, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { FlowLogDestination, FlowLogTrafficType, type ISubnet, type IVpc, Peer, Port, SecurityGroup, Subnet, SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import {
  Cluster,
  ContainerImage,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  LogDrivers,
  OperatingSystemFamily,
  Secret as EcsSecret,
} from 'aws-cdk-lib/aws-ecs';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { AnyPrincipal, Policy, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { NAG_PARTITION, resourcesOf } from './member-roles.ts';
import { acknowledge, acknowledgeWildcards } from './nag.ts';
import type { Construct } from 'constructs';
import { ALL_CHECKS } from '../../checks/index.ts';
import { readOnlyPolicy } from '../../src/policy/read-only.ts';
import { dynamoDbStatements } from '../../src/store/dynamodb/permissions.ts';
import { DYNAMODB_TABLE } from '../../src/store/dynamodb/table.ts';
import type { DeployContext } from './context.ts';
import { alertEventPattern } from './events.ts';
import { EVENT_BUS_NAME, ORGANIZATIONS_READ_ACTIONS, TASK_ROLE_NAME } from './names.ts';
import { externalIdParameter, organizationalUnitsParameter } from './parameters.ts';

/** The repository root: the Docker build context, with its Dockerfile and .dockerignore. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the container writes the settings it is given, because awscheck.yml is read from a file. */
const SETTINGS_FILE = '/tmp/awscheck.yml';

/** The container's command: `npm start`'s node command, after writing the organization settings. */
export const CONTAINER_COMMAND = [
  '/bin/sh',
  '-c',
  `printf '%s' "$AWSCHECK_DEPLOY_SETTINGS" > ${SETTINGS_FILE} && exec node --optimize-for-size dist/src/main.js`,
];

export interface BotStackProps extends StackProps {
  /** Tests pass a prebuilt image to skip staging the repository as a Docker asset. */
  image?: ContainerImage;
}

export class BotStack extends Stack {
  readonly table: Table;
  readonly queue: Queue;
  readonly taskRole: Role;

  constructor(scope: Construct, id: string, ctx: DeployContext, props: BotStackProps = {}) {
    super(scope, id, props);
    this.templateOptions.description = 'awscheck: the Slack bot (ECS Fargate, Socket Mode), its DynamoDB table and its alert queue';

    const externalId = externalIdParameter(this, 'External id the bot presents to the member roles (context awscheck:externalId)', ctx.externalId);
    const ous = organizationalUnitsParameter(this, 'OUs (ou-…) or the root (r-…) to scan; the same as the member roles (context awscheck:organizationalUnits)', ctx.organizationalUnits);
    const organizationId = new CfnParameter(this, 'OrganizationId', {
      type: 'String',
      description: 'The AWS Organizations id whose accounts may put events on the bus (context awscheck:organizationId)',
      allowedPattern: '^o-[a-z0-9]{10,32}$',
      ...(ctx.organizationId ? { default: ctx.organizationId } : {}),
    });

    this.table = this.stateTable();
    this.queue = this.alertQueue(organizationId.valueAsString);
    this.taskRole = this.botRole(ctx);

    const vpc = this.network(ctx);
    const cluster = new Cluster(this, 'Cluster', { vpc });
    acknowledge(cluster, 'ECS4', 'Two small tasks: the CloudWatch Logs of the bot and ECS service events are enough; Container Insights would cost more than the tasks.');

    const logGroup = new LogGroup(this, 'Logs', { retention: ctx.logRetentionDays as RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    const task = new FargateTaskDefinition(this, 'Task', {
      cpu: 512,
      memoryLimitMiB: 1024,
      taskRole: this.taskRole,
      runtimePlatform: { cpuArchitecture: CpuArchitecture.X86_64, operatingSystemFamily: OperatingSystemFamily.LINUX },
    });
    const secret = (key: string, name: string) => EcsSecret.fromSecretsManager(Secret.fromSecretNameV2(this, key, name));
    // Socket Mode: no signing secret, no port. Only the organization settings go through a file.
    // JSON is YAML. The parameters' patterns admit no quote or backslash, so joining them in is safe.
    const settings = Fn.join('', [
      `{"organization":{"roleName":${JSON.stringify(ctx.readRoleName)},"remediationRoleName":${JSON.stringify(ctx.fixRoleName)},"externalId":"`,
      externalId.valueAsString,
      // The member roles exist in these OUs; this account is scanned with the bot's own credentials.
      '","include":["',
      Fn.join('","', ous.valueAsList),
      '","',
      Aws.ACCOUNT_ID,
      '"]}}',
    ]);
    task.addContainer('bot', {
      image: props.image ?? ContainerImage.fromAsset(REPO_ROOT, { platform: Platform.LINUX_AMD64 }),
      command: CONTAINER_COMMAND,
      // Not a read-only root: Fargate mounts task volumes root-owned (0755), so the non-root user could not
      // write the settings file to one; the image's own /tmp is writable by it.
      logging: LogDrivers.awsLogs({ streamPrefix: 'awscheck', logGroup }),
      environment: {
        ...ctx.environment,
        AWSCHECK_DB: `dynamodb://${this.table.tableName}`,
        AWSCHECK_ORG_ROLE_NAME: ctx.readRoleName,
        AWSCHECK_CONFIG: SETTINGS_FILE,
        AWSCHECK_DEPLOY_SETTINGS: settings,
        AWSCHECK_HOME_REGION: Aws.REGION,
        AWSCHECK_EVENTS_QUEUE_URL: this.queue.queueUrl,
        NODE_ENV: 'production',
      },
      secrets: {
        SLACK_BOT_TOKEN: secret('SlackBotToken', ctx.slackBotTokenSecret),
        SLACK_APP_TOKEN: secret('SlackAppToken', ctx.slackAppTokenSecret),
      },
    });
    acknowledge(task, 'ECS2', 'The environment holds only non-secret settings (table name, queue URL, channel ids, role names); the Slack tokens are ECS secrets from Secrets Manager.');
    acknowledgeWildcards(task, ['*'], 'CDK-generated execution role: ecr:GetAuthorizationToken accepts only "*".');

    const securityGroup = new SecurityGroup(this, 'BotSecurityGroup', {
      vpc,
      description: 'awscheck bot: outbound HTTPS to Slack and AWS only, nothing inbound',
      allowAllOutbound: false,
    });
    securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS to Slack (Socket Mode) and AWS APIs');
    new FargateService(this, 'Service', {
      cluster,
      taskDefinition: task,
      desiredCount: ctx.desiredCount,
      assignPublicIp: false,
      securityGroups: [securityGroup],
      vpcSubnets: ctx.subnetIds ? { subnets: this.importedSubnets(ctx.subnetIds) } : { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
    });
  }

  /** The store's one table, shaped by the store's own description (src/store/dynamodb/table.ts). */
  private stateTable(): Table {
    const key = (attr: { name: string; type: 'S' }) => ({ name: attr.name, type: AttributeType.STRING });
    const table = new Table(this, 'Table', {
      partitionKey: key(DYNAMODB_TABLE.partitionKey),
      sortKey: key(DYNAMODB_TABLE.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: DYNAMODB_TABLE.timeToLiveAttribute,
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      // The audit trail lives here: a stack deletion never takes it along.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of DYNAMODB_TABLE.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({ indexName: index.indexName, partitionKey: key(index.partitionKey), sortKey: key(index.sortKey) });
    }
    return table;
  }

  /** The organization's accounts put risky events on this bus; a rule moves them to the bot's queue. */
  private alertQueue(organizationId: string): Queue {
    const deadLetters = new Queue(this, 'EventsDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(deadLetters, 'SQS3', 'This is the dead-letter queue of the events queue; it needs none of its own.');
    const queue = new Queue(this, 'EventsQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The bot extends visibility while it handles a message; a message received 5 times goes to the DLQ.
      visibilityTimeout: Duration.seconds(60),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    });
    const bus = new EventBus(this, 'EventBus', { eventBusName: EVENT_BUS_NAME });
    bus.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowOrganizationPutEvents',
        principals: [new AnyPrincipal()],
        actions: ['events:PutEvents'],
        resources: [bus.eventBusArn],
        conditions: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
      }),
    );
    const pattern = alertEventPattern();
    const eventPattern = { source: pattern.source, detailType: pattern.detailType, detail: pattern.detail };
    const target = new SqsQueue(queue);
    new Rule(this, 'OrganizationEventsRule', { eventBus: bus, description: 'awscheck: risky changes in member accounts to the bot', eventPattern, targets: [target] });
    // The StackSets never deploy to the account they are managed from: its own events come from its default bus.
    new Rule(this, 'OwnAccountEventsRule', { description: 'awscheck: risky changes in this account to the bot', eventPattern, targets: [target] });
    return queue;
  }

  private botRole(ctx: DeployContext): Role {
    const role = new Role(this, 'TaskRole', {
      roleName: TASK_ROLE_NAME,
      description: 'awscheck bot: assumes the member roles, uses its table and queue, discovers the organization, reads this account',
      assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com'),
    });
    role.addToPolicy(
      new PolicyStatement({
        sid: 'AssumeMemberRoles',
        actions: ['sts:AssumeRole'],
        resources: [ctx.readRoleName, ctx.fixRoleName].map((name) => `arn:${Aws.PARTITION}:iam::*:role/${name}`),
      }),
    );
    role.addToPolicy(new PolicyStatement({ sid: 'DiscoverOrganization', actions: [...ORGANIZATIONS_READ_ACTIONS], resources: ['*'] }));
    for (const statement of dynamoDbStatements(this.table.tableArn)) {
      role.addToPolicy(PolicyStatement.fromJson(statement));
    }
    role.addToPolicy(
      new PolicyStatement({
        sid: 'ReadAlertQueue',
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
        resources: [this.queue.queueArn],
      }),
    );
    // This account is scanned with the bot's own credentials (no role to assume): the read-only scan policy.
    const scan = new Policy(this, 'OwnAccountScanPolicy', { roles: [role], document: PolicyDocument.fromJson(readOnlyPolicy(ALL_CHECKS, { organization: false })) });
    acknowledgeWildcards(scan, resourcesOf(readOnlyPolicy(ALL_CHECKS, { organization: false })), 'The scan\'s List and Describe calls have no resource-level permissions; every action is a read generated from the collectors\' declarations, the same as the member accounts\' awscheck-read.');
    const tableShown = `<${this.getLogicalId(this.table.node.defaultChild as CfnElement)}.Arn>`;
    acknowledgeWildcards(
      role,
      [
        '*',
        ...[ctx.readRoleName, ctx.fixRoleName].map((name) => `arn:${NAG_PARTITION}:iam::*:role/${name}`),
        ...dynamoDbStatements(tableShown).flatMap((s) => s.Resource),
      ],
      'sts:AssumeRole names the two member roles, in any account of the organization (accounts join over time); Organizations List/Describe accept only "*"; the table\'s statements come from the store (src/store/dynamodb/permissions.ts) and cover its indexes.',
    );
    return role;
  }

  private network(ctx: DeployContext): IVpc {
    if (ctx.vpcId) return Vpc.fromVpcAttributes(this, 'Vpc', { vpcId: ctx.vpcId, availabilityZones: [Aws.REGION] });
    // Two AZs, private subnets for the tasks, one NAT gateway for their outbound traffic to Slack and AWS.
    const vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      ],
    });
    const flowLogs = new LogGroup(this, 'FlowLogs', { retention: ctx.logRetentionDays as RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    vpc.addFlowLog('RejectedTraffic', { destination: FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: FlowLogTrafficType.REJECT });
    return vpc;
  }

  private importedSubnets(ids: string[]): ISubnet[] {
    return ids.map((id) => Subnet.fromSubnetId(this, `Subnet-${id}`, id));
  }
}
