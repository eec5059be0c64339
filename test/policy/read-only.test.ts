import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { isReadOnlyAction, readOnlyPolicy } from '../../src/policy/read-only.ts';
import { runAwscheck } from '../helpers/cli.ts';

describe('the read-only scan policy', () => {
  const policy = readOnlyPolicy(ALL_CHECKS);
  const actions = policy.Statement.flatMap((s) => s.Action);

  it('is the union of what the checks declare, plus the engine’s own account calls', () => {
    for (const check of ALL_CHECKS) {
      for (const collector of check.needs) for (const action of collector.actions) expect(actions).toContain(action);
    }
    expect(actions).toContain('ec2:DescribeRegions');
    expect(actions).toEqual([...new Set(actions)]);
    for (const statement of policy.Statement) expect(statement.Action).toEqual([...statement.Action].sort());
  });

  it('holds no write action', () => {
    expect(actions.filter((a) => !isReadOnlyAction(a))).toEqual([]);
    for (const write of ['iam:UpdateAccessKey', 'ec2:RevokeSecurityGroupIngress', 's3:PutBucketPolicy', 'iam:DeleteAccessKey']) {
      expect(isReadOnlyAction(write)).toBe(false);
    }
  });

  it('refuses to print a policy when a collector declares a write', () => {
    const rogue = { ...ALL_CHECKS[0]!, needs: [{ ...ALL_CHECKS[0]!.needs[0]!, actions: ['iam:DeleteUser'] }] };
    expect(() => readOnlyPolicy([rogue])).toThrow(/non-read actions: iam:DeleteUser/);
  });

  it('is what `awscheck policy` prints, narrowed by --service', async () => {
    const all = await runAwscheck(['policy']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual(policy);
    const iamOnly = JSON.parse((await runAwscheck(['policy', '--service', 'iam'])).stdout);
    const iamActions: string[] = iamOnly.Statement[0].Action;
    expect(iamActions.every((a) => a.startsWith('iam:') || a === 'sts:GetCallerIdentity' || a === 'ec2:DescribeRegions')).toBe(true);
  });
});
