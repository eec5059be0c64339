import {
  DeletePublicAccessBlockCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  type PublicAccessBlockConfiguration,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { fixForFinding } from '../../fixes.ts';
import { bucketPublicAccessBlockFix as fix } from './bucket-public-access-block.ts';
import { awsError, finding, fixContext, mockAwsFor, sentCommands, TEST_ACCOUNT, undoApplied } from '../../../test/fixes/helpers.ts';
import { ALL_ON, fakePublicAccessBlock } from '../../../test/fixes/public-access-block.ts';

const aws = mockAwsFor(fix);

function bucketFinding(checkId: string, region = 'ap-northeast-1') {
  return finding({ checkId, region, resourceType: 'AWS::S3::Bucket', resourceId: 'photos', resourceArn: 'arn:aws:s3:::photos' });
}

function fakeBucket(initial: PublicAccessBlockConfiguration | null, website = false) {
  if (website) aws.s3.on(GetBucketWebsiteCommand).resolves({ IndexDocument: { Suffix: 'index.html' } });
  else aws.s3.on(GetBucketWebsiteCommand).rejects(awsError('NoSuchWebsiteConfiguration'));
  return fakePublicAccessBlock(aws.s3, { get: GetPublicAccessBlockCommand, put: PutPublicAccessBlockCommand, remove: DeletePublicAccessBlockCommand }, initial);
}

describe('bucket Block Public Access fix (s3.bucket-public-access-block and s3.bucket-public)', () => {
  it("calls the bucket's own region, names the expected owner, and warns about a hosted website", async () => {
    fakeBucket({ BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false }, true);
    const preview = await fix.preview(bucketFinding('s3.bucket-public'), fixContext());
    expect(preview.lines[0]).toContain('(now off: IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets)');
    expect(preview.warnings.some((w) => w.includes('hosts a static website'))).toBe(true);
    for (const call of aws.sent()) {
      expect(await call.region).toBe('ap-northeast-1');
      expect(call.input).toMatchObject({ Bucket: 'photos', ExpectedBucketOwner: TEST_ACCOUNT });
    }
  });

  it('turns all four on; undo restores the previous settings', async () => {
    const previous = { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
    const state = fakeBucket(previous);
    const ctx = fixContext();
    const f = bucketFinding('s3.bucket-public-access-block');
    const applied = await fix.apply(f, {}, ctx);
    expect(sentCommands(aws, 'PutPublicAccessBlockCommand')).toEqual([
      { Bucket: 'photos', ExpectedBucketOwner: TEST_ACCOUNT, PublicAccessBlockConfiguration: ALL_ON },
    ]);
    expect(applied).toMatchObject({ status: 'applied', requestIds: ['req-put'], after: { configured: true, config: ALL_ON } });
    const undone = await undoApplied(fix, f, applied, ctx);
    expect(undone.status).toBe('undone');
    expect(state.config).toEqual(previous);
  });

  it('undo deletes the configuration when the bucket had none', async () => {
    const state = fakeBucket(null);
    const ctx = fixContext();
    const f = bucketFinding('s3.bucket-public');
    const applied = await fix.apply(f, {}, ctx);
    const undone = await undoApplied(fix, f, applied, ctx);
    expect(undone).toMatchObject({ status: 'undone', requestIds: ['req-delete'] });
    expect(state.config).toBeNull();
  });

  it('changes nothing when already on; undo changes nothing when already back, and refuses a record that changed nothing', async () => {
    fakeBucket(ALL_ON);
    const f = bucketFinding('s3.bucket-public-access-block');
    const noChange = await fix.apply(f, {}, fixContext());
    expect(noChange).toMatchObject({ status: 'no-change', requestIds: [] });
    const record = { fixId: fix.id, finding: f, inputs: {}, before: noChange.before, after: noChange.after, requestIds: [] };
    await expect(fix.undo(record, fixContext())).rejects.toThrow('the fix changed nothing');
    aws.reset();
    const previous = { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
    fakeBucket(previous);
    const undo = await fix.undo({ ...record, before: { configured: true, config: previous } }, fixContext());
    expect(undo.status).toBe('no-change');
    expect(sentCommands(aws, 'PutPublicAccessBlockCommand')).toEqual([]);
  });

  it('is not offered for a bucket whose region is unknown', () => {
    expect(fixForFinding(bucketFinding('s3.bucket-public', 'global'))).toBeUndefined();
    expect(fixForFinding(bucketFinding('s3.bucket-public'))).toBe(fix);
  });
});
