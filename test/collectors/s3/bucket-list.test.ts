import { GetBucketLocationCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { bucketList } from '../../../src/collectors/s3/bucket-list.ts';
import { servePages } from '../serve-pages.ts';
import { accessDenied, fileContexts } from './context.ts';

const { s3, collectContext } = fileContexts();

describe('bucket list', () => {
  it('follows ListBuckets pages and asks for page sizes so BucketRegion comes back', async () => {
    const sent = servePages(
      s3,
      ListBucketsCommand,
      [
        { Buckets: [{ Name: 'a', BucketRegion: 'us-east-1' }, { Name: 'b', BucketRegion: 'eu-west-1' }] },
        { Buckets: [{ Name: 'c', BucketRegion: 'ap-northeast-1' }] },
        { Buckets: [{ Name: 'd', BucketRegion: 'ap-northeast-1' }] },
      ],
      { token: 'ContinuationToken' },
    );
    const ctx = collectContext();
    const inventory = await bucketList.collect(ctx);
    expect(inventory.buckets).toEqual([
      { name: 'a', arn: 'arn:aws:s3:::a', region: 'us-east-1' },
      { name: 'b', arn: 'arn:aws:s3:::b', region: 'eu-west-1' },
      { name: 'c', arn: 'arn:aws:s3:::c', region: 'ap-northeast-1' },
      { name: 'd', arn: 'arn:aws:s3:::d', region: 'ap-northeast-1' },
    ]);
    expect(sent.map((s) => s.ContinuationToken)).toEqual([undefined, 'page-2', 'page-3']);
    expect(sent.every((s) => typeof s.MaxBuckets === 'number')).toBe(true);
    expect(s3.commandCalls(GetBucketLocationCommand)).toHaveLength(0);
    expect(ctx.progressed).toEqual([[0, 4, 'buckets']]);
  });

  it('asks GetBucketLocation when BucketRegion is missing: empty = us-east-1, EU = eu-west-1', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'old-us' }, { Name: 'old-eu' }, { Name: 'tokyo' }, { Name: 'null-us' }] });
    s3.on(GetBucketLocationCommand, { Bucket: 'old-us' }).resolves({ LocationConstraint: '' as never });
    s3.on(GetBucketLocationCommand, { Bucket: 'old-eu' }).resolves({ LocationConstraint: 'EU' });
    s3.on(GetBucketLocationCommand, { Bucket: 'tokyo' }).resolves({ LocationConstraint: 'ap-northeast-1' });
    s3.on(GetBucketLocationCommand, { Bucket: 'null-us' }).resolves({});
    const ctx = collectContext();
    const inventory = await bucketList.collect(ctx);
    expect(inventory.buckets.map((b) => [b.name, b.region])).toEqual([
      ['old-us', 'us-east-1'],
      ['old-eu', 'eu-west-1'],
      ['tokyo', 'ap-northeast-1'],
      ['null-us', 'us-east-1'],
    ]);
  });

  it("keeps only buckets in the scan's regions, and keeps a bucket whose region is unknown", async () => {
    s3.on(ListBucketsCommand).resolves({
      Buckets: [{ Name: 'tokyo', BucketRegion: 'ap-northeast-1' }, { Name: 'ohio', BucketRegion: 'us-east-2' }, { Name: 'mystery' }],
    });
    s3.on(GetBucketLocationCommand).rejects(accessDenied());
    const ctx = collectContext(['ap-northeast-1', 'eu-west-1']);
    const inventory = await bucketList.collect(ctx);
    expect(inventory.buckets).toEqual([
      { name: 'tokyo', arn: 'arn:aws:s3:::tokyo', region: 'ap-northeast-1' },
      { name: 'mystery', arn: 'arn:aws:s3:::mystery', regionError: 'AccessDenied: Access Denied' },
    ]);
  });

  it('fails as a whole when ListBuckets is denied', async () => {
    s3.on(ListBucketsCommand).rejects(accessDenied());
    const ctx = collectContext();
    await expect(bucketList.collect(ctx)).rejects.toThrow('Access Denied');
  });
});
