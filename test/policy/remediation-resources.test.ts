import { describe, expect, it } from 'vitest';
import { ALL_FIXES } from '../../checks/fixes.ts';
import { remediationPolicy } from '../../src/policy/remediation.ts';
import { RESOURCE_TYPES, resourceTypeOf } from '../../src/policy/resources.ts';
import { runAwscheck } from '../helpers/cli.ts';

const resourcesOf = (action: string, policy = remediationPolicy()) =>
  policy.Statement.filter((s) => s.Action.includes(action)).map((s) => s.Resource);

describe('the remediation policy names resources wherever the action allows it', () => {
  it('narrows the writes on security groups, instances, access keys, buckets, snapshots and SSM documents', () => {
    expect(resourcesOf('ec2:RevokeSecurityGroupIngress')).toEqual([
      ['arn:aws:ec2:*:*:security-group/*', 'arn:aws:ec2:*:*:security-group-rule/*'],
    ]);
    expect(resourcesOf('ec2:AuthorizeSecurityGroupEgress')).toEqual([
      ['arn:aws:ec2:*:*:security-group/*', 'arn:aws:ec2:*:*:security-group-rule/*'],
    ]);
    expect(resourcesOf('ec2:ModifyInstanceMetadataOptions')).toEqual([['arn:aws:ec2:*:*:instance/*']]);
    expect(resourcesOf('ec2:ModifySnapshotAttribute')).toEqual([['arn:aws:ec2:*::snapshot/*']]);
    expect(resourcesOf('iam:UpdateAccessKey')).toEqual([['arn:aws:iam::*:user/*']]);
    expect(resourcesOf('s3:PutBucketPolicy')).toEqual([['arn:aws:s3:::*']]);
    expect(resourcesOf('s3:PutBucketPublicAccessBlock')).toEqual([['arn:aws:s3:::*']]);
    expect(resourcesOf('ssm:ModifyDocumentPermission')).toEqual([['arn:aws:ssm:*:*:document/*']]);
  });

  it('narrows the reads that allow it, and keeps account-wide actions on "*"', () => {
    expect(resourcesOf('iam:ListAccessKeys')).toEqual([['arn:aws:iam::*:user/*']]);
    expect(resourcesOf('s3:GetBucketPolicy')).toEqual([['arn:aws:s3:::*']]);
    expect(resourcesOf('ssm:DescribeDocumentPermission')).toEqual([['arn:aws:ssm:*:*:document/*']]);
    // No resource-level permissions: account settings and EC2 Describe calls.
    for (const action of ['iam:UpdateAccountPasswordPolicy', 's3:PutAccountPublicAccessBlock', 'ec2:EnableEbsEncryptionByDefault', 'ec2:DescribeSecurityGroupRules']) {
      expect(resourcesOf(action)).toEqual(['*']);
    }
  });

  it('puts every declared action in exactly one statement, and every narrowed write is a write of the table', () => {
    const policy = remediationPolicy();
    const declared = new Set(ALL_FIXES.flatMap((f) => [...f.actions.read, ...f.actions.write]));
    for (const action of declared) expect(resourcesOf(action, policy)).toHaveLength(1);
    for (const statement of policy.Statement) {
      if (statement.Resource === '*') expect(statement.Action.every((a) => resourceTypeOf(a) === undefined)).toBe(true);
      else expect(statement.Action.every((a) => resourceTypeOf(a)?.arns('aws').join() === (statement.Resource as string[]).join())).toBe(true);
    }
    // The table names no action twice, so an action has one place.
    const tabled = RESOURCE_TYPES.flatMap((t) => t.actions);
    expect(tabled).toEqual([...new Set(tabled)]);
  });

  it('writes ARNs in the partition it is given', () => {
    const gov = remediationPolicy(ALL_FIXES, { partition: 'aws-us-gov' });
    expect(resourcesOf('iam:UpdateAccessKey', gov)).toEqual([['arn:aws-us-gov:iam::*:user/*']]);
  });

  it('is what `awscheck policy --remediation` prints, narrowed the same way for one service', async () => {
    const all = await runAwscheck(['policy', '--remediation']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual(remediationPolicy());
    const ec2 = JSON.parse((await runAwscheck(['policy', '--remediation', '--service', 'ec2'])).stdout);
    const sids: string[] = ec2.Statement.map((s: { Sid: string }) => s.Sid);
    expect(sids).toContain('AwscheckRemediationWriteSecurityGroups');
    expect(sids).not.toContain('AwscheckRemediationWriteBuckets');
  });
});
