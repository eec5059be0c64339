import { describe, expect, it } from 'vitest';
import { sgAdminPortIpv4 } from '../sg-admin-port-ipv4/check.ts';
import { sgAllPortsOpen } from './check.ts';
import { sgInsecureServiceOpen } from '../sg-insecure-service-open/check.ts';
import { evaluate, failing } from '../../../test/helpers/evaluate.ts';
import { group, REGION, rule } from '../../../test/checks/ec2/fixtures.ts';

describe('ec2.sg-all-ports-open', () => {
  it('fails all-protocol and full tcp/udp range rules from either family', () => {
    const results = evaluate(
      sgAllPortsOpen,
      [
        [
          group([
            rule({ ruleId: 'sgr-any', ipProtocol: '-1', fromPort: -1, toPort: -1 }),
            rule({ ruleId: 'sgr-tcp', fromPort: 0, toPort: 65535 }),
            rule({ ruleId: 'sgr-udp6', ipProtocol: 'udp', fromPort: 1, toPort: 65535, cidrIpv4: undefined, cidrIpv6: '::/0' }),
            rule({ ruleId: 'sgr-almost', fromPort: 0, toPort: 65534 }),
            rule({ ruleId: 'sgr-ssh' }),
            rule({ ruleId: 'sgr-icmp', ipProtocol: 'icmp', fromPort: -1, toPort: -1 }),
            rule({ ruleId: 'sgr-narrow', ipProtocol: '-1', fromPort: -1, toPort: -1, cidrIpv4: '10.0.0.0/8' }),
            rule({ ruleId: 'sgr-egress', ipProtocol: '-1', fromPort: -1, toPort: -1, isEgress: true }),
          ]),
        ],
        [],
      ],
      { region: REGION },
    );
    expect(results.map((r) => [r.status, r.subResourceId])).toEqual([
      ['FAIL', 'sgr-any'],
      ['FAIL', 'sgr-tcp'],
      ['FAIL', 'sgr-udp6'],
    ]);
    expect(results[0]?.evidence).toBe('sg-0abc (web) rule sgr-any allows all traffic from 0.0.0.0/0');
    expect(results[2]?.details).toMatchObject({ ipProtocol: 'udp', fromPort: 1, toPort: 65535, cidr: '::/0', ipVersion: 6 });
  });

  it('passes a group without such rules', () => {
    const results = evaluate(sgAllPortsOpen, [[group([rule({ fromPort: 443, toPort: 443 })])], []], { region: REGION });
    expect(results).toMatchObject([{ status: 'PASS', resourceId: 'sg-0abc' }]);
  });

  it('lets one all-traffic rule fail all-ports, admin-port and insecure-service, each as its own finding', () => {
    const groups = [group([rule({ ruleId: 'sgr-any', ipProtocol: '-1', fromPort: -1, toPort: -1 })])];
    for (const check of [sgAllPortsOpen, sgAdminPortIpv4, sgInsecureServiceOpen]) {
      const found = failing(evaluate(check, [groups, []], { region: REGION }));
      expect(found.map((r) => [r.checkId, r.subResourceId])).toEqual([[check.id, 'sgr-any']]);
    }
  });
});
