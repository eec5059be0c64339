// Turns on all four Block Public Access settings of one bucket. That also neutralises a public bucket
// policy and public ACLs, which is why it fixes s3.bucket-public too without rewriting either.
// Undo restores the previous four settings, or deletes the configuration when there was none.
import { DeletePublicAccessBlockCommand, GetPublicAccessBlockCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { hasErrorCode } from '../../src/aws/errors.ts';
import { NO_PUBLIC_ACCESS_BLOCK, publicAccessBlockConfig } from '../../src/collectors/s3/public-access-block.ts';
import { defineFix, type FixContext, FixError, readBack, requestIds, unverifiedNote } from '../../src/remediation/fix.ts';
import {
  ALL_ON,
  allOn,
  type BpaState,
  bpaStateSchema,
  type BucketRef,
  bucketOf,
  hostsWebsite,
  requireBucket,
  s3Client,
  sameBpa,
  settingsOff,
} from './s3-support.fix.ts';

async function readState(ctx: FixContext, bucket: BucketRef): Promise<BpaState> {
  try {
    const answer = await s3Client(ctx, bucket).send(
      new GetPublicAccessBlockCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }),
    );
    return { configured: true, config: publicAccessBlockConfig(answer.PublicAccessBlockConfiguration) };
  } catch (err) {
    if (hasErrorCode(err, 'NoSuchPublicAccessBlockConfiguration')) return { configured: false, config: { ...NO_PUBLIC_ACCESS_BLOCK } };
    throw err;
  }
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
    if (allOn(current)) return { lines: [alreadyOn(bucket, ctx)], warnings: [], current, alreadyFixed: true };
    const off = settingsOff(current.config).join(', ');
    const lines = [
      ctx.text({
        en: `Turn on all four Block Public Access settings of bucket ${bucket.name} (now off: ${off}). Its bucket policy and ACLs are not edited; their public parts stop taking effect.`,
        ja: `バケット ${bucket.name} のブロックパブリックアクセスの 4 つの設定をすべて有効にします (現在無効: ${off})。バケットポリシーと ACL は編集しませんが、その公開部分は効力を失います。`,
      }),
      current.configured
        ? ctx.text({ en: 'Undo restores the current four settings.', ja: '取り消し (Undo) では現在の 4 つの設定を復元します。' })
        : ctx.text({
            en: 'Undo deletes the configuration again (the bucket has none now).',
            ja: '取り消し (Undo) では設定を再び削除します (現在このバケットには設定がありません)。',
          }),
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
    if (allOn(before)) return { status: 'no-change', before, after: before, requestIds: [], message: alreadyOn(bucket, ctx), verified: true };
    const answer = await write(ctx, bucket, { configured: true, config: ALL_ON });
    const check = await readBack(ctx, () => readState(ctx, bucket), allOn);
    return {
      status: 'applied',
      before,
      after: check.value,
      requestIds: requestIds(answer),
      message:
        ctx.text({
          en: `All four Block Public Access settings of bucket ${bucket.name} are on.`,
          ja: `バケット ${bucket.name} のブロックパブリックアクセスの 4 つの設定をすべて有効にしました。`,
        }) + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async undo(applied, ctx) {
    const before = bpaStateSchema.safeParse(applied.before);
    // A record whose before-state was already all on changed nothing, so there is nothing to put back.
    if (!before.success || allOn(before.data)) {
      throw new FixError({
        en: 'This record has no Block Public Access change to undo (the fix changed nothing)',
        ja: 'この記録には取り消すブロックパブリックアクセスの変更がありません (修正では何も変更していません)',
      });
    }
    const bucket = requireBucket(applied.finding);
    const now = await readState(ctx, bucket);
    if (sameBpa(now, before.data)) {
      return {
        status: 'no-change',
        before: now,
        after: now,
        requestIds: [],
        message: ctx.text({
          en: `Block Public Access of bucket ${bucket.name} is already as it was before the fix. Nothing was changed.`,
          ja: `バケット ${bucket.name} のブロックパブリックアクセスはすでに修正前の状態です。何も変更していません。`,
        }),
        verified: true,
      };
    }
    const answer = await write(ctx, bucket, before.data);
    const check = await readBack(ctx, () => readState(ctx, bucket), (state) => sameBpa(state, before.data));
    return {
      status: 'undone',
      before: now,
      after: check.value,
      requestIds: requestIds(answer),
      message:
        ctx.text({
          en: `Restored the previous Block Public Access settings of bucket ${bucket.name}.`,
          ja: `バケット ${bucket.name} のブロックパブリックアクセスを以前の設定に戻しました。`,
        }) + unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async reconcile(finding, _inputs, ctx) {
    const bucket = requireBucket(finding);
    const current = await readState(ctx, bucket);
    return allOn(current)
      ? {
          state: 'changed',
          current,
          message: ctx.text({
            en: `Block Public Access of bucket ${bucket.name} is fully on: the fix was applied before the interruption.`,
            ja: `バケット ${bucket.name} のブロックパブリックアクセスはすべて有効です。中断の前に修正は適用されていました。`,
          }),
        }
      : {
          state: 'unchanged',
          current,
          message: ctx.text({
            en: `Block Public Access of bucket ${bucket.name} is still not fully on: the fix was not applied.`,
            ja: `バケット ${bucket.name} のブロックパブリックアクセスはまだすべて有効ではありません。修正は適用されていません。`,
          }),
        };
  },
});
