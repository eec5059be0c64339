import { describe, expect, it } from 'vitest';
import { sgAdminPortIpv4 } from './check.ts';
import { evaluate, failing, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { eni, group, REGION, rule } from '../../../test/checks/ec2/fixtures.ts';

const run = (groups: Parameters<typeof group>[0][], interfaces = [eni('i-0001', ['sg-0abc'])]) =>
  evaluate(sgAdminPortIpv4, [groups.map((rules) => group(rules)), interfaces], { region: REGION });

describe('ec2.sg-admin-port-ipv4', () => {
  it('fails the exact world-open rule with everything a fix and its undo need', () => {
    const open = rule({ ruleId: 'sgr-123', description: 'admin ssh' });
    const results = run([[open, rule({ ruleId: 'sgr-124', fromPort: 443, toPort: 443 })]]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      checkId: 'ec2.sg-admin-port-ipv4',
      status: 'FAIL',
      severity: 'critical',
      region: REGION,
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: 'sg-0abc',
      subResourceId: 'sgr-123',
      resourceArn: `arn:aws:ec2:${REGION}:${TEST_ACCOUNT}:security-group/sg-0abc`,
      evidence: 'sg-0abc (web) rule sgr-123 allows tcp/22 from 0.0.0.0/0, reaching SSH (tcp/22)',
    });
    expect(results[0]?.details).toEqual({
      groupId: 'sg-0abc',
      groupName: 'web',
      vpcId: 'vpc-1',
      ruleId: 'sgr-123',
      isEgress: false,
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      cidr: '0.0.0.0/0',
      ipVersion: 4,
      description: 'admin ssh',
      exposedPorts: [{ protocol: 'tcp', port: 22, service: 'SSH' }],
      instances: ['i-0001'],
    });
  });

  it('counts port ranges that cover 22 or 3389, and all-protocol rules', () => {
    const results = run([
      [
        rule({ ruleId: 'sgr-range', fromPort: 20, toPort: 25 }),
        rule({ ruleId: 'sgr-all-tcp', fromPort: 0, toPort: 65535 }),
        rule({ ruleId: 'sgr-any', ipProtocol: '-1', fromPort: -1, toPort: -1 }),
        rule({ ruleId: 'sgr-rdp', ipProtocol: '6', fromPort: 3389, toPort: 3389 }),
      ],
    ]);
    expect(results.map((r) => [r.subResourceId, r.status])).toEqual([
      ['sgr-range', 'FAIL'],
      ['sgr-all-tcp', 'FAIL'],
      ['sgr-any', 'FAIL'],
      ['sgr-rdp', 'FAIL'],
    ]);
    expect(results[1]?.evidence).toContain('reaching SSH (tcp/22), RDP (tcp/3389)');
    expect(results[2]?.evidence).toBe('sg-0abc (web) rule sgr-any allows all traffic from 0.0.0.0/0, reaching SSH (tcp/22), RDP (tcp/3389)');
  });

  it('passes a group whose rules are narrow, referenced, ICMP, IPv6, udp or egress', () => {
    const results = run([
      [
        rule({ cidrIpv4: '203.0.113.7/32' }),
        rule({ cidrIpv4: '0.0.0.0/1' }),
        rule({ cidrIpv4: '128.0.0.0/1' }),
        rule({ cidrIpv4: undefined, referencedGroupId: 'sg-0bastion' }),
        rule({ cidrIpv4: undefined, prefixListId: 'pl-0office' }),
        rule({ ipProtocol: 'icmp', fromPort: -1, toPort: -1 }),
        rule({ cidrIpv4: undefined, cidrIpv6: '::/0' }),
        rule({ ipProtocol: 'udp' }),
        rule({ ipProtocol: '-1', fromPort: -1, toPort: -1, isEgress: true }),
        rule({ fromPort: 23, toPort: 3388 }),
      ],
    ]);
    expect(results).toEqual([
      expect.objectContaining({
        status: 'PASS',
        resourceId: 'sg-0abc',
        evidence: 'sg-0abc (web): no inbound rule lets 0.0.0.0/0 reach SSH (tcp/22) or RDP (tcp/3389)',
        details: { groupId: 'sg-0abc', groupName: 'web', vpcId: 'vpc-1', instances: ['i-0001'] },
      }),
    ]);
  });

  it('gives each group its own results and each offending rule its own FAIL', () => {
    const results = evaluate(
      sgAdminPortIpv4,
      [
        [
          group([rule({ ruleId: 'sgr-a' }), rule({ ruleId: 'sgr-b', fromPort: 3389, toPort: 3389 })]),
          group([], { groupId: 'sg-0empty', groupName: 'empty' }),
        ],
        [eni('i-0002', ['sg-0abc']), eni('i-0001', ['sg-0abc', 'sg-0empty']), eni('i-0002', ['sg-0abc']), eni(undefined, ['sg-0abc'])],
      ],
      { region: REGION },
    );
    expect(failing(results).map((r) => r.subResourceId)).toEqual(['sgr-a', 'sgr-b']);
    expect(failing(results)[0]?.details.instances).toEqual(['i-0001', 'i-0002']);
    expect(results.filter((r) => r.status === 'PASS').map((r) => r.resourceId)).toEqual(['sg-0empty']);
  });

  it('speaks Japanese', () => {
    const results = evaluate(sgAdminPortIpv4, [[group([rule({ ruleId: 'sgr-123' })])], []], { region: REGION, locale: 'ja' });
    expect(results[0]?.evidence).toBe('sg-0abc (web) のルール sgr-123 が 0.0.0.0/0 からの tcp/22 を許可しています (到達可能: SSH (tcp/22))');
  });
});
