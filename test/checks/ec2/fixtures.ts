// Plain inventory objects for the EC2 check tests: only the fields a case cares about are spelled out.
import type { Ec2Instance } from '../../../src/collectors/ec2/instances.ts';
import type { NetworkInterface } from '../../../src/collectors/ec2/network-interfaces.ts';
import type { SecurityGroup, SecurityGroupRule } from '../../../src/collectors/ec2/security-groups.ts';

export const REGION = 'ap-northeast-1';

let nextRule = 1;

export function rule(fields: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  return {
    ruleId: `sgr-${String(nextRule++).padStart(4, '0')}`,
    groupId: 'sg-0abc',
    isEgress: false,
    ipProtocol: 'tcp',
    fromPort: 22,
    toPort: 22,
    cidrIpv4: '0.0.0.0/0',
    ...fields,
  };
}

export function group(rules: SecurityGroupRule[], fields: Partial<SecurityGroup> = {}): SecurityGroup {
  const groupId = fields.groupId ?? 'sg-0abc';
  return {
    groupId,
    groupName: 'web',
    vpcId: 'vpc-1',
    ...fields,
    rules: rules.map((r) => ({ ...r, groupId })),
  };
}

export function eni(instanceId: string | undefined, groupIds: string[]): NetworkInterface {
  return { networkInterfaceId: `eni-${instanceId ?? 'lb'}`, interfaceType: instanceId ? 'interface' : 'network_load_balancer', instanceId, groupIds };
}

export function instance(fields: Partial<Ec2Instance> = {}): Ec2Instance {
  return {
    instanceId: 'i-0001',
    state: 'running',
    name: 'web',
    metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 2, state: 'applied' },
    securityGroupIds: ['sg-0abc'],
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    ...fields,
  };
}
