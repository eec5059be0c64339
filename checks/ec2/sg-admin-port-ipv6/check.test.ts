import { describe, expect, it } from 'vitest';
import { sgAdminPortIpv6 } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { group, REGION, rule } from '../../../test/checks/ec2/fixtures.ts';

describe('ec2.sg-admin-port-ipv6', () => {
  it('fails ::/0 to SSH or RDP and ignores IPv4 and narrower IPv6 sources', () => {
    const results = evaluate(
      sgAdminPortIpv6,
      [
        [
          group([
            rule({ ruleId: 'sgr-v6', cidrIpv4: undefined, cidrIpv6: '::/0', fromPort: 3389, toPort: 3389 }),
            rule({ ruleId: 'sgr-v4' }),
            rule({ ruleId: 'sgr-half', cidrIpv4: undefined, cidrIpv6: '::/1' }),
            rule({ ruleId: 'sgr-icmp', cidrIpv4: undefined, cidrIpv6: '::/0', ipProtocol: 'icmpv6', fromPort: -1, toPort: -1 }),
          ]),
        ],
        [],
      ],
      { region: REGION },
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      status: 'FAIL',
      subResourceId: 'sgr-v6',
      evidence: 'sg-0abc (web) rule sgr-v6 allows tcp/3389 from ::/0, reaching RDP (tcp/3389)',
      details: { cidr: '::/0', ipVersion: 6, ruleId: 'sgr-v6', isEgress: false },
    });
  });

  it('passes a group that only opens SSH to IPv4', () => {
    const results = evaluate(sgAdminPortIpv6, [[group([rule()])], []], { region: REGION });
    expect(results).toMatchObject([{ status: 'PASS', evidence: 'sg-0abc (web): no inbound rule lets ::/0 reach SSH (tcp/22) or RDP (tcp/3389)' }]);
  });
});
