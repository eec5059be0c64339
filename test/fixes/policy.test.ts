import { describe, expect, it } from 'vitest';
import { ALL_FIXES } from '../../checks/fixes.ts';
import { remediationActions, remediationPolicy } from '../../src/policy/remediation.ts';
import { defineFix } from '../../src/remediation/fix.ts';

describe('remediationPolicy', () => {
  it('contains exactly the actions the fixes declare (and the session\'s account check): reads in read statements, writes in write statements', () => {
    const policy = remediationPolicy(ALL_FIXES);
    const reads = [...new Set(['sts:GetCallerIdentity', ...ALL_FIXES.flatMap((f) => f.actions.read)])].sort();
    const writes = [...new Set(ALL_FIXES.flatMap((f) => f.actions.write))].sort();
    const of = (prefix: string) =>
      policy.Statement.filter((s) => s.Sid.startsWith(prefix))
        .flatMap((s) => s.Action)
        .sort();
    expect(policy.Version).toBe('2012-10-17');
    expect(of('AwscheckRemediationRead')).toEqual(reads);
    expect(of('AwscheckRemediationWrite')).toEqual(writes);
    expect(policy.Statement.map((s) => s.Sid)).toEqual([...new Set(policy.Statement.map((s) => s.Sid))]);
    expect(remediationActions()).toEqual([...new Set([...reads, ...writes])].sort());
  });

  it('names the S3 actions, which differ from the S3 operations', () => {
    const writes = remediationPolicy()
      .Statement.filter((s) => s.Sid.startsWith('AwscheckRemediationWrite'))
      .flatMap((s) => s.Action);
    expect(writes).toEqual(
      expect.arrayContaining(['s3:PutBucketPublicAccessBlock', 's3:PutAccountPublicAccessBlock', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy']),
    );
    expect(writes).not.toContain('s3:PutPublicAccessBlock');
    expect(writes).not.toContain('iam:DeleteAccessKey');
  });

  it('holds only the enabled fixes, and nothing when none is enabled', () => {
    const [first] = ALL_FIXES;
    const only = remediationPolicy([first!]);
    expect(only.Statement.flatMap((s) => s.Action).sort()).toEqual(['sts:GetCallerIdentity', ...first!.actions.read, ...first!.actions.write].sort());
    expect(remediationPolicy([]).Statement).toEqual([]);
  });

  it('refuses a fix that files a write among its reads', () => {
    const misfiled = defineFix({
      ...ALL_FIXES[0]!,
      id: 'test.misfiled',
      actions: { read: ['ec2:RevokeSecurityGroupIngress'], write: ['ec2:DescribeInstances'] },
    });
    expect(() => remediationPolicy([misfiled])).toThrow('ec2:RevokeSecurityGroupIngress, ec2:DescribeInstances');
  });
});
