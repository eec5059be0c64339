// Turns on all four Block Public Access settings of one bucket. That also neutralises a public bucket
// policy and public ACLs, which is why it fixes s3.bucket-public too without rewriting either.
// Undo restores the previous four settings, or deletes the configuration when there was none.
import { DeletePublicAccessBlockCommand, GetPublicAccessBlockCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { defineFix, type FixContext } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import {
  ALL_ON,
  allOn,
  type BpaState,
  bpaUndoLine,
  type BucketRef,
  bucketOf,
  hostsWebsite,
  readBpa,
  recordedBpa,
  requireBucket,
  s3Client,
  sameBpa,
  settingsOff,
} from '../lib/fix-client.ts';

async function readState(ctx: FixContext, bucket: BucketRef): Promise<BpaState> {
  return readBpa(() =>
    s3Client(ctx, bucket).send(new GetPublicAccessBlockCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner })),
  );
}

async function write(ctx: FixContext, bucket: BucketRef, state: BpaState) {
  const client = s3Client(ctx, bucket);
  return state.configured
    ? client.send(
        new PutPublicAccessBlockCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner, PublicAccessBlockConfiguration: state.config }),
      )
    : client.send(new DeletePublicAccessBlockCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }));
}

function alreadyOn(bucket: BucketRef, ctx: FixContext): string {
  return ctx.text({
    en: `All four Block Public Access settings of bucket ${bucket.name} are already on. Nothing was changed.`,
    ja: `バケット ${bucket.name} のブロックパブリックアクセスの 4 つの設定はすでにすべて有効です。何も変更していません。`,
  });
}

export const bucketPublicAccessBlockFix = defineFix({
  id: 's3.block-bucket-public-access',
  checkIds: ['s3.bucket-public-access-block', 's3.bucket-public'],
  title: { en: "Turn on the bucket's Block Public Access", ja: 'バケットのブロックパブリックアクセスを有効にする' },
  actions: {
    read: ['s3:GetBucketPublicAccessBlock', 's3:GetBucketWebsite'],
    write: ['s3:PutBucketPublicAccessBlock'],
  },
  supports: (finding) => bucketOf(finding) !== undefined,

  async preview(finding, ctx) {
    const bucket = requireBucket(finding);
    const current = await readState(ctx, bucket);
    if (allOn(current)) return nothingToPreview(current, alreadyOn(bucket, ctx));
    const off = settingsOff(current.config).join(', ');
    const lines = [
      ctx.text({
        en: `Turn on all four Block Public Access settings of bucket ${bucket.name} (now off: ${off}). Its bucket policy and ACLs are not edited; their public parts stop taking effect.`,
        ja: `バケット ${bucket.name} のブロックパブリックアクセスの 4 つの設定をすべて有効にします (現在無効: ${off})。バケットポリシーと ACL は編集しませんが、その公開部分は効力を失います。`,
      }),
      bpaUndoLine(current, { en: 'bucket', ja: 'バケット' }, ctx),
    ];
    const warnings = [
      ctx.text({
        en: 'Anyone who reads or writes this bucket without AWS credentials (public downloads, a partner using plain URLs) loses access. Serve public content through CloudFront with origin access control instead.',
        ja: 'AWS の認証情報なしでこのバケットを読み書きしている人 (公開ダウンロード、URL を直接使う取引先) はアクセスできなくなります。公開コンテンツは代わりにオリジンアクセスコントロール (OAC) を使った CloudFront で配信してください。',
      }),
    ];
    if (await hostsWebsite(ctx, bucket)) {
      warnings.push(
        ctx.text({
          en: `Bucket ${bucket.name} hosts a static website, which stops working.`,
          ja: `バケット ${bucket.name} は静的ウェブサイトをホストしており、そのサイトは動かなくなります。`,
        }),
      );
    }
    return { lines, warnings, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const bucket = requireBucket(finding);
    const before = await readState(ctx, bucket);
    if (allOn(before)) return noChange(before, alreadyOn(bucket, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => write(ctx, bucket, { configured: true, config: ALL_ON }),
      read: () => readState(ctx, bucket),
      done: allOn,
      message: ctx.text({
        en: `All four Block Public Access settings of bucket ${bucket.name} are on.`,
        ja: `バケット ${bucket.name} のブロックパブリックアクセスの 4 つの設定をすべて有効にしました。`,
      }),
    });
  },

  async undo(applied, ctx) {
    const before = recordedBpa(applied.before);
    const bucket = requireBucket(applied.finding);
    const now = await readState(ctx, bucket);
    if (sameBpa(now, before)) {
      return noChange(
        now,
        ctx.text({
          en: `Block Public Access of bucket ${bucket.name} is already as it was before the fix. Nothing was changed.`,
          ja: `バケット ${bucket.name} のブロックパブリックアクセスはすでに修正前の状態です。何も変更していません。`,
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => write(ctx, bucket, before),
      read: () => readState(ctx, bucket),
      done: (state) => sameBpa(state, before),
      message: ctx.text({
        en: `Restored the previous Block Public Access settings of bucket ${bucket.name}.`,
        ja: `バケット ${bucket.name} のブロックパブリックアクセスを以前の設定に戻しました。`,
      }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const bucket = requireBucket(finding);
    const current = await readState(ctx, bucket);
    return reconciled(allOn(current), current, {
      applied: ctx.text({
        en: `Block Public Access of bucket ${bucket.name} is fully on: the fix was applied before the interruption.`,
        ja: `バケット ${bucket.name} のブロックパブリックアクセスはすべて有効です。中断の前に修正は適用されていました。`,
      }),
      notApplied: ctx.text({
        en: `Block Public Access of bucket ${bucket.name} is still not fully on: the fix was not applied.`,
        ja: `バケット ${bucket.name} のブロックパブリックアクセスはまだすべて有効ではありません。修正は適用されていません。`,
      }),
    });
  },
});
