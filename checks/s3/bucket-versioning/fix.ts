// Turns on versioning for one bucket, so an overwrite or delete can be rolled back. S3 has no way back to
// "never versioned": undo suspends versioning, and the versions kept meanwhile remain.
import { GetBucketVersioningCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { defineFix, type FixContext, FixError } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { type BucketRef, bucketOf, requireBucket, s3Client } from '../lib/fix-client.ts';

const stateSchema = z.object({ status: z.enum(['Enabled', 'Suspended', 'Off']), mfaDelete: z.boolean() });
type VersioningState = z.infer<typeof stateSchema>;

async function readState(ctx: FixContext, bucket: BucketRef): Promise<VersioningState> {
  const answer = await s3Client(ctx, bucket).send(new GetBucketVersioningCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }));
  // A bucket that never had versioning answers with no Status at all.
  const status = answer.Status === 'Enabled' || answer.Status === 'Suspended' ? answer.Status : 'Off';
  return { status, mfaDelete: answer.MFADelete === 'Enabled' };
}

async function setStatus(ctx: FixContext, bucket: BucketRef, status: 'Enabled' | 'Suspended') {
  return s3Client(ctx, bucket).send(
    new PutBucketVersioningCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner, VersioningConfiguration: { Status: status } }),
  );
}

function alreadyOn(bucket: BucketRef, ctx: FixContext): string {
  return ctx.text({
    en: `Versioning is already enabled for bucket ${bucket.name}. Nothing was changed.`,
    ja: `バケット ${bucket.name} のバージョニングはすでに有効です。何も変更していません。`,
  });
}

export const bucketVersioningFix = defineFix({
  id: 's3.enable-bucket-versioning',
  checkIds: ['s3.bucket-versioning'],
  title: { en: 'Turn on bucket versioning', ja: 'バケットのバージョニングを有効にする' },
  actions: {
    read: ['s3:GetBucketVersioning'],
    write: ['s3:PutBucketVersioning'],
  },
  supports: (finding) => bucketOf(finding) !== undefined,

  async preview(finding, ctx) {
    const bucket = requireBucket(finding);
    const current = await readState(ctx, bucket);
    if (current.status === 'Enabled') return nothingToPreview(current, alreadyOn(bucket, ctx));
    const lines = [
      ctx.text({
        en: `Enable versioning for bucket ${bucket.name} (now ${current.status}): overwritten and deleted objects are then kept as older versions that can be restored.`,
        ja: `バケット ${bucket.name} のバージョニングを有効にします (現在: ${current.status})。以後、上書きや削除されたオブジェクトは復元できる旧バージョンとして保持されます。`,
      }),
      ctx.text({
        en: 'Undo suspends versioning: S3 cannot return a bucket to never-versioned, and versions kept meanwhile remain.',
        ja: '取り消し (Undo) ではバージョニングを停止します。S3 ではバケットを「バージョニング未設定」に戻せず、その間に保持された旧バージョンは残ります。',
      }),
    ];
    const warnings = [
      ctx.text({
        en: 'Older versions are stored and billed; add a lifecycle rule that expires noncurrent versions (e.g. after 30 days).',
        ja: '旧バージョンも保存され、料金がかかります。非現行バージョンを失効させるライフサイクルルール (例: 30 日後) を追加してください。',
      }),
    ];
    if (current.mfaDelete) {
      warnings.push(
        ctx.text({
          en: "MFA delete is on for this bucket: changing versioning needs the root user's MFA, so this fix will fail. Enable versioning as the root user instead.",
          ja: 'このバケットでは MFA 削除が有効です。バージョニングの変更にはルートユーザーの MFA が必要なため、この修正は失敗します。代わりにルートユーザーでバージョニングを有効にしてください。',
        }),
      );
    }
    return { lines, warnings, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const bucket = requireBucket(finding);
    const before = await readState(ctx, bucket);
    if (before.status === 'Enabled') return noChange(before, alreadyOn(bucket, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => setStatus(ctx, bucket, 'Enabled'),
      read: () => readState(ctx, bucket),
      done: (now) => now.status === 'Enabled',
      message: ctx.text({ en: `Versioning is enabled for bucket ${bucket.name}.`, ja: `バケット ${bucket.name} のバージョニングを有効にしました。` }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success || before.data.status === 'Enabled') {
      throw new FixError({
        en: 'This record has no versioning change to undo (the fix changed nothing)',
        ja: 'この記録には取り消すバージョニングの変更がありません (修正では何も変更していません)',
      });
    }
    const bucket = requireBucket(applied.finding);
    const now = await readState(ctx, bucket);
    if (now.status !== 'Enabled') {
      return noChange(
        now,
        ctx.text({
          en: `Versioning of bucket ${bucket.name} is already ${now.status}. Nothing was changed.`,
          ja: `バケット ${bucket.name} のバージョニングはすでに ${now.status} です。何も変更していません。`,
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => setStatus(ctx, bucket, 'Suspended'),
      read: () => readState(ctx, bucket),
      done: (state) => state.status === 'Suspended',
      message: ctx.text({
        en: `Versioning of bucket ${bucket.name} is suspended (it was ${before.data.status} before the fix); versions kept meanwhile remain.`,
        ja: `バケット ${bucket.name} のバージョニングを停止しました (修正前: ${before.data.status})。その間に保持された旧バージョンは残ります。`,
      }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const bucket = requireBucket(finding);
    const current = await readState(ctx, bucket);
    return reconciled(current.status === 'Enabled', current, {
      applied: ctx.text({
        en: `Versioning is enabled for bucket ${bucket.name}: the fix was applied before the interruption.`,
        ja: `バケット ${bucket.name} のバージョニングは有効です。中断の前に修正は適用されていました。`,
      }),
      notApplied: ctx.text({
        en: `Versioning of bucket ${bucket.name} is still ${current.status}: the fix was not applied.`,
        ja: `バケット ${bucket.name} のバージョニングはまだ ${current.status} です。修正は適用されていません。`,
      }),
    });
  },
});
