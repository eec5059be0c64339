import { describe, expect, it } from 'vitest';
import { instancePublicIp } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { instance, REGION } from '../../../test/checks/ec2/fixtures.ts';

describe('ec2.instance-public-ip', () => {
  it('judges running instances only', () => {
    const results = evaluate(
      instancePublicIp,
      [
        [
          instance({ instanceId: 'i-0001', publicIpAddress: '54.0.0.1' }),
          instance({ instanceId: 'i-0002', name: undefined }),
          instance({ instanceId: 'i-0003', state: 'stopped', publicIpAddress: '54.0.0.3' }),
        ],
      ],
      { region: REGION },
    );
    expect(results).toMatchObject([
      { status: 'FAIL', resourceId: 'i-0001', evidence: 'i-0001 (web) has public IP 54.0.0.1', details: { publicIpAddress: '54.0.0.1', subnetId: 'subnet-1' } },
      { status: 'PASS', resourceId: 'i-0002', evidence: 'i-0002 has no public IP' },
    ]);
  });
});
