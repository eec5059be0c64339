import { describe, expect, it } from 'vitest';
import { instanceNotManaged } from './check.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { instance, REGION } from '../../../test/checks/ec2/fixtures.ts';

describe('ssm.instance-not-managed', () => {
  it('fails running instances Systems Manager does not list and passes listed ones with their ping status', () => {
    const results = evaluate(
      instanceNotManaged,
      [
        [
          instance({ instanceId: 'i-1' }),
          instance({ instanceId: 'i-2', name: undefined }),
          instance({ instanceId: 'i-3', name: 'db' }),
          instance({ instanceId: 'i-4', state: 'stopped' }),
        ],
        [
          { instanceId: 'i-2', pingStatus: 'Online', agentVersion: '3.3.1', platformName: 'Amazon Linux' },
          { instanceId: 'i-3', pingStatus: 'ConnectionLost' },
          { instanceId: 'mi-0hybrid', pingStatus: 'Online' },
        ],
      ],
      { region: REGION },
    );
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::EC2::Instance',
        resourceId: 'i-1',
        resourceArn: `arn:aws:ec2:${REGION}:${TEST_ACCOUNT}:instance/i-1`,
        evidence: 'i-1 (web) is not managed by Systems Manager, so Session Manager cannot reach it',
        details: { managed: false },
      },
      { status: 'PASS', resourceId: 'i-2', evidence: 'i-2 is managed, Session Manager Online', details: { managed: true, pingStatus: 'Online', agentVersion: '3.3.1' } },
      { status: 'PASS', resourceId: 'i-3', evidence: 'i-3 (db) is managed but ConnectionLost', details: { pingStatus: 'ConnectionLost' } },
    ]);
  });

  it('speaks Japanese', () => {
    const results = evaluate(instanceNotManaged, [[instance({ instanceId: 'i-2' })], [{ instanceId: 'i-2', pingStatus: 'Online' }]], {
      region: REGION,
      locale: 'ja',
    });
    expect(results[0]?.evidence).toBe('i-2 (web) は管理されています (Session Manager: Online)');
  });
});
