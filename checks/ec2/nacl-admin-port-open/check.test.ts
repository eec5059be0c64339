import { describe, expect, it } from 'vitest';
import { naclAdminPortOpen } from './check.ts';
import type { NetworkAcl, NetworkAclEntry } from '../../../src/collectors/ec2/network-acls.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { REGION } from '../../../test/checks/ec2/fixtures.ts';

const entry = (ruleNumber: number, fields: Partial<NetworkAclEntry> = {}): NetworkAclEntry => ({
  ruleNumber,
  protocol: '-1',
  ruleAction: 'allow',
  egress: false,
  cidrBlock: '0.0.0.0/0',
  ...fields,
});

/** What AWS puts last in every ACL. */
const denyAll = entry(32767, { ruleAction: 'deny' });

const acl = (entries: NetworkAclEntry[]): NetworkAcl => ({
  networkAclId: 'acl-0abc',
  vpcId: 'vpc-1',
  isDefault: false,
  subnetIds: ['subnet-1'],
  entries,
});

const run = (entries: NetworkAclEntry[]) => evaluate(naclAdminPortOpen, [[acl(entries)]], { region: REGION });

describe('ec2.nacl-admin-port-open', () => {
  it("fails the default ACL's allow-everything entry for both admin ports", () => {
    const [result] = run([entry(100), entry(101, { cidrBlock: undefined, ipv6CidrBlock: '::/0' }), denyAll]);
    expect(result).toMatchObject({
      status: 'FAIL',
      resourceType: 'AWS::EC2::NetworkAcl',
      resourceId: 'acl-0abc',
      resourceArn: `arn:aws:ec2:${REGION}:${TEST_ACCOUNT}:network-acl/acl-0abc`,
      evidence:
        'acl-0abc allows inbound 0.0.0.0/0 → SSH (tcp/22) by rule 100, 0.0.0.0/0 → RDP (tcp/3389) by rule 100, ::/0 → SSH (tcp/22) by rule 101, ::/0 → RDP (tcp/3389) by rule 101',
    });
    expect(result?.details.exposures).toHaveLength(4);
    const [ja] = evaluate(naclAdminPortOpen, [[acl([entry(100), denyAll])]], { region: REGION, locale: 'ja' });
    expect(ja?.evidence).toBe('acl-0abc がインバウンドを許可しています: 0.0.0.0/0 → SSH (tcp/22) (ルール 100)、0.0.0.0/0 → RDP (tcp/3389) (ルール 100)');
  });

  it('lets a lower-numbered deny cover the traffic, whatever order AWS lists entries in', () => {
    const [result] = run([entry(200), entry(90, { ruleAction: 'deny', protocol: '6', portRange: { from: 22, to: 22 } }), denyAll]);
    expect(result).toMatchObject({ status: 'FAIL', details: { exposures: [{ port: 3389, ruleNumber: 200 }] } });
    expect(run([entry(50, { ruleAction: 'deny' }), entry(100), denyAll])).toMatchObject([{ status: 'PASS' }]);
  });

  it('still fails when the deny before the allow covers only part of the internet', () => {
    const [result] = run([entry(50, { ruleAction: 'deny', cidrBlock: '198.51.100.0/24' }), entry(100, { protocol: '6', portRange: { from: 0, to: 65535 } })]);
    expect(result).toMatchObject({ status: 'FAIL', details: { exposures: [{ port: 22 }, { port: 3389 }] } });
  });

  it('passes narrow sources, other ports, udp, ICMP and egress entries', () => {
    const results = run([
      entry(100, { protocol: '6', portRange: { from: 22, to: 22 }, cidrBlock: '203.0.113.0/24' }),
      entry(110, { protocol: '6', portRange: { from: 443, to: 443 } }),
      entry(120, { protocol: '17', portRange: { from: 3389, to: 3389 } }),
      entry(130, { protocol: '1' }),
      entry(140, { egress: true }),
      denyAll,
    ]);
    expect(results).toMatchObject([
      { status: 'PASS', evidence: 'acl-0abc: no inbound rule lets 0.0.0.0/0 or ::/0 reach SSH (tcp/22) or RDP (tcp/3389)' },
    ]);
  });

  it('counts a tcp range that covers the port', () => {
    expect(run([entry(100, { protocol: '6', portRange: { from: 1024, to: 3389 } })])).toMatchObject([
      { status: 'FAIL', details: { exposures: [{ port: 3389, entryProtocol: '6', portRange: { from: 1024, to: 3389 } }] } },
    ]);
  });
});
