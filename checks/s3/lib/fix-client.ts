// What the S3 fixes share: which bucket a finding means and where it lives (calls go to the bucket's own
// region, and name the expected owner so a bucket that changed hands is never written to), and Block
// Public Access state in a shape PutPublicAccessBlock takes back unchanged.
import { GetBucketWebsiteCommand, S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import {
  NO_PUBLIC_ACCESS_BLOCK,
  PUBLIC_ACCESS_BLOCK_SETTINGS,
  publicAccessBlockConfig,
} from '../../../src/collectors/s3/public-access-block.ts';
import type { PublicAccessBlockConfig } from '../../../src/collectors/s3/types.ts';
import { type CheckResult, GLOBAL_REGION } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { type FixContext, FixError } from '../../../src/remediation/fix.ts';

export interface BucketRef {
  name: string;
  region: string;
  /** Sent as ExpectedBucketOwner on every call. */
  owner: string;
  arn: string;
}

/** The bucket of a finding, when its region is known (a bucket whose region could not be read is `global`). */
export function bucketOf(finding: CheckResult): BucketRef | undefined {
  const fromDetails = finding.details.bucket;
  const name = typeof fromDetails === 'string' && fromDetails ? fromDetails : finding.resourceId;
  if (!name || finding.region === GLOBAL_REGION) return undefined;
  return { name, region: finding.region, owner: finding.accountId, arn: finding.resourceArn ?? `arn:aws:s3:::${name}` };
}

export function requireBucket(finding: CheckResult): BucketRef {
  const bucket = bucketOf(finding);
  if (!bucket) {
    throw new FixError({
      en: `The finding for ${finding.resourceId} does not say which region the bucket is in; scan again and retry`,
      ja: `${finding.resourceId} の検出結果にバケットのリージョンがありません。再スキャンしてからやり直してください`,
    });
  }
  return bucket;
}

export function s3Client(ctx: FixContext, bucket: BucketRef): S3Client {
  return ctx.session.client(S3Client, bucket.region);
}

export const ALL_ON: PublicAccessBlockConfig = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

export const bpaStateSchema = z.object({
  /** False when there was no configuration at all: undo then deletes it rather than writing four "false". */
  configured: z.boolean(),
  config: z.object({
    BlockPublicAcls: z.boolean(),
    IgnorePublicAcls: z.boolean(),
    BlockPublicPolicy: z.boolean(),
    RestrictPublicBuckets: z.boolean(),
  }),
});
export type BpaState = z.infer<typeof bpaStateSchema>;

export function settingsOff(config: PublicAccessBlockConfig): string[] {
  return PUBLIC_ACCESS_BLOCK_SETTINGS.filter((setting) => !config[setting]);
}

export function allOn(state: BpaState): boolean {
  return settingsOff(state.config).length === 0;
}

export function sameBpa(a: BpaState, b: BpaState): boolean {
  return a.configured === b.configured && PUBLIC_ACCESS_BLOCK_SETTINGS.every((s) => a.config[s] === b.config[s]);
}

/** Block Public Access as `get` (account or bucket level) answers it; no configuration at all is a state too. */
export async function readBpa(
  get: () => Promise<{ PublicAccessBlockConfiguration?: Parameters<typeof publicAccessBlockConfig>[0] }>,
): Promise<BpaState> {
  try {
    const answer = await get();
    return { configured: true, config: publicAccessBlockConfig(answer.PublicAccessBlockConfiguration) };
  } catch (err) {
    if (hasErrorCode(err, 'NoSuchPublicAccessBlockConfiguration')) return { configured: false, config: { ...NO_PUBLIC_ACCESS_BLOCK } };
    throw err;
  }
}

/** The settings an applied record says to put back. */
export function recordedBpa(before: unknown): BpaState {
  const parsed = bpaStateSchema.safeParse(before);
  // A record whose before-state was already all on changed nothing, so there is nothing to put back.
  if (!parsed.success || allOn(parsed.data)) {
    throw new FixError({
      en: 'This record has no Block Public Access change to undo (the fix changed nothing)',
      ja: 'この記録には取り消すブロックパブリックアクセスの変更がありません (修正では何も変更していません)',
    });
  }
  return parsed.data;
}

/** The preview's undo line; `holder` is what the settings belong to, e.g. { en: 'bucket', ja: 'バケット' }. */
export function bpaUndoLine(current: BpaState, holder: Localized, ctx: FixContext): string {
  return current.configured
    ? ctx.text({ en: 'Undo restores the current four settings.', ja: '取り消し (Undo) では現在の 4 つの設定を復元します。' })
    : ctx.text({
        en: `Undo deletes the configuration again (the ${holder.en} has none now).`,
        ja: `取り消し (Undo) では設定を再び削除します (現在この${holder.ja}には設定がありません)。`,
      });
}

/** Whether the bucket serves a static website: such a site stops working once the bucket is private or TLS-only. */
export async function hostsWebsite(ctx: FixContext, bucket: BucketRef): Promise<boolean> {
  try {
    await s3Client(ctx, bucket).send(new GetBucketWebsiteCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }));
    return true;
  } catch (err) {
    if (hasErrorCode(err, 'NoSuchWebsiteConfiguration')) return false;
    throw err;
  }
}
