import { describe, expect, it } from 'vitest';
import { sgDefaultNotRestricted } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { eni, group, REGION, rule } from '../../../test/checks/ec2/fixtures.ts';

describe('ec2.sg-default-not-restricted', () => {
  it("fails a VPC's default group with rules, listing every rule with its id", () => {
    const selfRef = rule({ ruleId: 'sgr-in', ipProtocol: '-1', fromPort: -1, toPort: -1, cidrIpv4: undefined, referencedGroupId: 'sg-0def' });
    const egress = rule({ ruleId: 'sgr-out', isEgress: true, ipProtocol: '-1', fromPort: -1, toPort: -1 });
    const results = evaluate(
      sgDefaultNotRestricted,
      [[group([selfRef, egress], { groupId: 'sg-0def', groupName: 'default' }), group([rule()])], [eni('i-0009', ['sg-0def'])]],
      { region: REGION },
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      status: 'FAIL',
      resourceId: 'sg-0def',
      evidence: 'sg-0def (default) in vpc-1 has rules (1 inbound, 1 outbound)',
      details: {
        groupId: 'sg-0def',
        vpcId: 'vpc-1',
        instances: ['i-0009'],
        rules: [
          { ruleId: 'sgr-in', isEgress: false, ipProtocol: '-1', referencedGroupId: 'sg-0def' },
          { ruleId: 'sgr-out', isEgress: true, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0' },
        ],
      },
    });
  });

  it('passes an empty default group', () => {
    const results = evaluate(sgDefaultNotRestricted, [[group([], { groupId: 'sg-0def', groupName: 'default' })], []], {
      region: REGION,
      locale: 'ja',
    });
    expect(results).toMatchObject([{ status: 'PASS', evidence: 'vpc-1 の sg-0def (default) にルールはありません' }]);
  });
});
