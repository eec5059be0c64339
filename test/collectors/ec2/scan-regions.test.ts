// The EC2/SSM checks through the real engine: two regions, inventories paged, one region denied.
import {
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { GetAccountAuthorizationDetailsCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imdsv2NotRequired } from '../../../checks/ec2/imdsv2-not-required/check.ts';
import { instanceAdminRole } from '../../../checks/ec2/instance-admin-role/check.ts';
import { sgAdminPortIpv4 } from '../../../checks/ec2/sg-admin-port-ipv4/check.ts';
import { instanceNotManaged } from '../../../checks/ssm/instance-not-managed/check.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import { scan } from '../../../src/engine/scan.ts';
import { ACCOUNT } from './context.ts';

const OK = 'ap-northeast-1';
const DENIED = 'eu-west-1';

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const ssm = mockClient(SSMClient);
const iam = mockClient(IAMClient);

const regionOf = async (getClient: () => { config: { region: unknown } }) =>
  (getClient().config.region as () => Promise<string>)();

const denied = () =>
  Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation' });

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: OK }, { RegionName: DENIED }] });
  // Security groups: two pages in the good region, AccessDenied in the other.
  ec2.on(DescribeSecurityGroupsCommand).callsFake(async (input: { NextToken?: string }, getClient) => {
    const region = await regionOf(getClient);
    if (region === DENIED) throw denied();
    return input.NextToken === 'g2'
      ? { SecurityGroups: [{ GroupId: 'sg-closed', GroupName: 'closed', VpcId: 'vpc-1' }] }
      : { SecurityGroups: [{ GroupId: 'sg-open', GroupName: 'web', VpcId: 'vpc-1' }], NextToken: 'g2' };
  });
  ec2.on(DescribeSecurityGroupRulesCommand).resolves({
    SecurityGroupRules: [
      { SecurityGroupRuleId: 'sgr-ssh', GroupId: 'sg-open', IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0' },
    ],
  });
  ec2.on(DescribeNetworkInterfacesCommand).resolves({
    NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Attachment: { InstanceId: 'i-1' }, Groups: [{ GroupId: 'sg-open' }] }],
  });
  // Instances: two pages in every region (the denial above is for security groups only).
  ec2.on(DescribeInstancesCommand).callsFake(async (input: { NextToken?: string }, getClient) => {
    const region = await regionOf(getClient);
    const instance = (id: string) => ({
      InstanceId: `${id}-${region}`,
      State: { Name: 'running' },
      MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
      IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app` },
    });
    return input.NextToken === 'p2'
      ? { Reservations: [{ Instances: [instance('i-2')] }] }
      : { Reservations: [{ Instances: [instance('i-1')] }], NextToken: 'p2' };
  });
  ssm.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [{ InstanceId: `i-1-${OK}`, PingStatus: 'Online' }] });
  iam.on(GetAccountAuthorizationDetailsCommand).resolves({
    RoleDetailList: [
      {
        RoleName: 'app',
        Arn: `arn:aws:iam::${ACCOUNT}:role/app`,
        AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
        InstanceProfileList: [{ InstanceProfileName: 'app', Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app`, InstanceProfileId: 'AIP', Path: '/', Roles: [], CreateDate: new Date() }],
      },
    ],
  });
});

afterEach(() => {
  sts.reset();
  ec2.reset();
  ssm.reset();
  iam.reset();
});

describe('EC2 and SSM checks in a scan', () => {
  it('gives ERROR only in the region that denied the call, and real results elsewhere', async () => {
    const report = await scan({}, { settings: defaultSettings(), checks: [sgAdminPortIpv4, imdsv2NotRequired, instanceAdminRole, instanceNotManaged] });

    expect(report.regions).toEqual([OK, DENIED]);
    const sg = report.results.filter((r) => r.checkId === 'ec2.sg-admin-port-ipv4');
    expect(sg.filter((r) => r.region === OK).map((r) => [r.status, r.resourceId, r.subResourceId ?? null])).toEqual([
      ['FAIL', 'sg-open', 'sgr-ssh'],
      ['PASS', 'sg-closed', null],
    ]);
    expect(sg.find((r) => r.status === 'FAIL')?.details.instances).toEqual(['i-1']);
    expect(sg.filter((r) => r.region === DENIED)).toMatchObject([{ status: 'ERROR', resourceType: 'region', resourceId: DENIED }]);
    expect(sg.find((r) => r.region === DENIED)?.evidence).toContain('UnauthorizedOperation');
    expect(report.errors).toMatchObject([{ region: DENIED, checkIds: ['ec2.sg-admin-port-ipv4'] }]);

    // Instance checks see both pages in both regions; the IAM data is fetched once for all of them.
    const imds = report.results.filter((r) => r.checkId === 'ec2.imdsv2-not-required');
    expect(imds.map((r) => [r.region, r.resourceId, r.status])).toEqual(
      expect.arrayContaining([
        [OK, `i-1-${OK}`, 'FAIL'],
        [OK, `i-2-${OK}`, 'FAIL'],
        [DENIED, `i-1-${DENIED}`, 'FAIL'],
        [DENIED, `i-2-${DENIED}`, 'FAIL'],
      ]),
    );
    expect(report.results.filter((r) => r.checkId === 'ec2.instance-admin-role' && r.status === 'FAIL')).toHaveLength(4);
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)).toHaveLength(1);
    expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(4);

    const managed = report.results.filter((r) => r.checkId === 'ssm.instance-not-managed' && r.region === OK);
    const byId = managed.map((r) => [r.resourceId, r.status, r.evidence]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byId).toEqual([
      [`i-1-${OK}`, 'PASS', `i-1-${OK} is managed, Session Manager Online`],
      [`i-2-${OK}`, 'FAIL', `i-2-${OK} is not managed by Systems Manager, so Session Manager cannot reach it`],
    ]);
  });
});
