import { GetBucketVersioningCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { bucketVersioningFix as fix } from './fix.ts';
import { finding, fixContext, mockAwsFor, sentCommands, TEST_ACCOUNT, undoApplied } from '../../../test/fixes/helpers.ts';

const aws = mockAwsFor(fix);

const versioningFinding = finding({ checkId: 's3.bucket-versioning', region: 'us-west-2', resourceType: 'AWS::S3::Bucket', resourceId: 'logs' });

function fakeVersioning(status: 'Enabled' | 'Suspended' | undefined, mfaDelete = false) {
  const state = { status };
  aws.s3.on(GetBucketVersioningCommand).callsFake(async () => ({ ...(state.status ? { Status: state.status } : {}), ...(mfaDelete ? { MFADelete: 'Enabled' } : {}) }));
  aws.s3.on(PutBucketVersioningCommand).callsFake(async (input: { VersioningConfiguration: { Status: 'Enabled' | 'Suspended' } }) => {
    state.status = input.VersioningConfiguration.Status;
    return { $metadata: { requestId: `req-${state.status}` } };
  });
  return state;
}

describe('s3.bucket-versioning fix', () => {
  it('enables versioning; undo suspends it (S3 has no way back to never-versioned)', async () => {
    const state = fakeVersioning(undefined);
    const ctx = fixContext();
    const preview = await fix.preview(versioningFinding, ctx);
    expect(preview.lines[0]).toContain('(now Off)');
    expect(preview.warnings[0]).toContain('lifecycle rule');
    const applied = await fix.apply(versioningFinding, {}, ctx);
    expect(sentCommands(aws, 'PutBucketVersioningCommand')).toEqual([
      { Bucket: 'logs', ExpectedBucketOwner: TEST_ACCOUNT, VersioningConfiguration: { Status: 'Enabled' } },
    ]);
    expect(applied).toMatchObject({ status: 'applied', before: { status: 'Off' }, after: { status: 'Enabled' }, requestIds: ['req-Enabled'] });
    const undone = await undoApplied(fix, versioningFinding, applied, ctx);
    expect(undone).toMatchObject({ status: 'undone', requestIds: ['req-Suspended'] });
    expect(undone.message).toContain('it was Off before the fix');
    expect(state.status).toBe('Suspended');
    for (const call of aws.sent()) expect(await call.region).toBe('us-west-2');
  });

  it('warns that MFA delete makes the change need the root user', async () => {
    fakeVersioning('Suspended', true);
    const preview = await fix.preview(versioningFinding, fixContext());
    expect(preview.warnings.some((w) => w.includes('MFA delete is on'))).toBe(true);
  });

  it('changes nothing when versioning is already enabled', async () => {
    fakeVersioning('Enabled');
    expect(await fix.apply(versioningFinding, {}, fixContext())).toMatchObject({ status: 'no-change', requestIds: [] });
    expect((await fix.reconcile(versioningFinding, {}, fixContext())).state).toBe('changed');
  });
});
