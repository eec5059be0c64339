import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { bucketAcl } from '../../../src/collectors/s3/bucket-acl.ts';
import { bucketList } from '../../../src/collectors/s3/bucket-list.ts';
import { bucketVersioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import { accessDenied, fileContexts } from './context.ts';

const { s3, collectContext } = fileContexts();

function listBuckets() {
  s3.on(ListBucketsCommand).resolves({
    Buckets: [{ Name: 'tokyo', BucketRegion: 'ap-northeast-1' }, { Name: 'ireland' }, { Name: 'virginia', BucketRegion: 'us-east-1' }],
  });
  s3.on(GetBucketLocationCommand, { Bucket: 'ireland' }).resolves({ LocationConstraint: 'EU' });
}

describe('per-bucket collectors', () => {
  it("send each bucket's call to the bucket's own region", async () => {
    listBuckets();
    const routed: [string, string][] = [];
    s3.on(GetBucketVersioningCommand).callsFake(async (input: { Bucket: string }, getClient) => {
      routed.push([input.Bucket, await getClient().config.region()]);
      return { Status: 'Enabled' };
    });
    const ctx = collectContext();
    await bucketVersioning.collect(ctx);
    expect(routed.sort()).toEqual([
      ['ireland', 'eu-west-1'],
      ['tokyo', 'ap-northeast-1'],
      ['virginia', 'us-east-1'],
    ]);
  });

  it('turn AccessDenied on one bucket into an error outcome for that bucket only', async () => {
    listBuckets();
    s3.on(GetBucketAclCommand).resolves({ Owner: { ID: 'owner' }, Grants: [] });
    s3.on(GetBucketAclCommand, { Bucket: 'tokyo' }).rejects(accessDenied());
    const ctx = collectContext();
    const outcomes = await bucketAcl.collect(ctx);
    expect(outcomes.map((o) => [o.bucket.name, o.outcome.ok])).toEqual([
      ['tokyo', false],
      ['ireland', true],
      ['virginia', true],
    ]);
    expect(outcomes[0]?.outcome).toEqual({ ok: false, error: 'AccessDenied: Access Denied' });
  });

  it('give an error outcome, without a call, for a bucket whose region is unknown', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'hidden' }] });
    s3.on(GetBucketLocationCommand).rejects(accessDenied());
    const ctx = collectContext();
    const [outcome] = await bucketVersioning.collect(ctx);
    expect(outcome?.outcome).toEqual({ ok: false, error: 'bucket region unknown (AccessDenied: Access Denied)' });
    expect(s3.commandCalls(GetBucketVersioningCommand)).toHaveLength(0);
  });

  it('list the buckets once and count a bucket done when every collector has its answer', async () => {
    listBuckets();
    s3.on(GetBucketAclCommand).resolves({ Grants: [] });
    s3.on(GetBucketVersioningCommand).resolves({});
    const ctx = collectContext();
    await Promise.all([ctx.get(bucketAcl), ctx.get(bucketVersioning)]);
    expect(s3.commandCalls(ListBucketsCommand)).toHaveLength(1);
    expect(ctx.progressed[0]).toEqual([0, 3, 'buckets']);
    expect(ctx.progressed.at(-1)).toEqual([3, 3, 'buckets']);
    const done = ctx.progressed.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(ctx.get(bucketList)).toBe(ctx.get(bucketList));
  });
});
