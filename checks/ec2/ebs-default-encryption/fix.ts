// Turns on EBS encryption by default in the finding's region: every new volume and snapshot copy is then
// encrypted, whoever creates it. Existing volumes are untouched. Undo turns it off again.
import {
  DisableEbsEncryptionByDefaultCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import { defineFix, type FixContext, FixError, dryRunWarning, tryDryRun } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { ec2Client } from '../lib/fix-client.ts';

const stateSchema = z.object({ region: z.string(), enabled: z.boolean() });
type EncryptionState = z.infer<typeof stateSchema>;

async function readState(ctx: FixContext, region: string): Promise<EncryptionState> {
  const answer = await ec2Client(ctx, region).send(new GetEbsEncryptionByDefaultCommand({}));
  if (answer.EbsEncryptionByDefault === undefined) throw new Error('GetEbsEncryptionByDefault answered without EbsEncryptionByDefault');
  return { region, enabled: answer.EbsEncryptionByDefault };
}

async function setEnabled(ctx: FixContext, region: string, enabled: boolean, dryRun = false) {
  const input = dryRun ? { DryRun: true } : {};
  const client = ec2Client(ctx, region);
  return enabled
    ? client.send(new EnableEbsEncryptionByDefaultCommand(input))
    : client.send(new DisableEbsEncryptionByDefaultCommand(input));
}

function alreadyOn(region: string, ctx: FixContext): string {
  return ctx.text({
    en: `EBS encryption by default is already on in ${region}. Nothing was changed.`,
    ja: `${region} ではすでに EBS のデフォルト暗号化が有効です。何も変更していません。`,
  });
}

export const ebsDefaultEncryptionFix = defineFix({
  id: 'ec2.enable-ebs-default-encryption',
  checkIds: ['ec2.ebs-default-encryption'],
  title: { en: 'Turn on EBS encryption by default in the region', ja: 'リージョンで EBS のデフォルト暗号化を有効にする' },
  actions: {
    read: ['ec2:GetEbsEncryptionByDefault', 'ec2:GetEbsDefaultKmsKeyId'],
    write: ['ec2:EnableEbsEncryptionByDefault', 'ec2:DisableEbsEncryptionByDefault'],
  },
  // The setting is per region: a finding without a real region cannot say where to turn it on.
  supports: (finding) => finding.region !== GLOBAL_REGION,

  async preview(finding, ctx) {
    const region = finding.region;
    const current = await readState(ctx, region);
    if (current.enabled) return nothingToPreview(current, alreadyOn(region, ctx));
    const key = (await ec2Client(ctx, region).send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId ?? 'alias/aws/ebs';
    const lines = [
      ctx.text({
        en: `Turn on EBS encryption by default in ${region}: new volumes and snapshot copies are encrypted with KMS key ${key}. Existing volumes and snapshots are not changed.`,
        ja: `${region} で EBS のデフォルト暗号化を有効にします。新しいボリュームとスナップショットのコピーは KMS キー ${key} で暗号化されます。既存のボリュームとスナップショットは変更されません。`,
      }),
      ctx.text({ en: 'Undo turns it off again.', ja: '取り消し (Undo) では再び無効にします。' }),
    ];
    const warnings = [
      ctx.text({
        en: `Whatever launches instances or creates volumes here (Auto Scaling groups, other accounts using shared AMIs, backup tools) must be allowed to use KMS key ${key}, or those launches fail.`,
        ja: `このリージョンでインスタンスを起動したりボリュームを作成したりするもの (Auto Scaling グループ、共有 AMI を使う他のアカウント、バックアップツール) が KMS キー ${key} を使用できないと、その起動は失敗します。`,
      }),
    ];
    const dryRun = await tryDryRun(() => setEnabled(ctx, region, true, true));
    return { lines, warnings: [...warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const region = finding.region;
    const before = await readState(ctx, region);
    if (before.enabled) return noChange(before, alreadyOn(region, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => setEnabled(ctx, region, true),
      read: () => readState(ctx, region),
      done: (now) => now.enabled,
      message: ctx.text({ en: `EBS encryption by default is on in ${region}.`, ja: `${region} で EBS のデフォルト暗号化を有効にしました。` }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success || before.data.enabled) {
      throw new FixError({
        en: 'This record has no setting to put back (the fix changed nothing)',
        ja: 'この記録には元に戻す設定がありません (修正では何も変更していません)',
      });
    }
    const region = before.data.region;
    const now = await readState(ctx, region);
    if (!now.enabled) {
      return noChange(
        now,
        ctx.text({
          en: `EBS encryption by default is already off in ${region}. Nothing was changed.`,
          ja: `${region} ではすでに EBS のデフォルト暗号化が無効です。何も変更していません。`,
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => setEnabled(ctx, region, false),
      read: () => readState(ctx, region),
      done: (state) => !state.enabled,
      message: ctx.text({
        en: `EBS encryption by default is off again in ${region}; volumes encrypted meanwhile stay encrypted.`,
        ja: `${region} の EBS のデフォルト暗号化を無効に戻しました。その間に暗号化されたボリュームは暗号化されたままです。`,
      }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const current = await readState(ctx, finding.region);
    return reconciled(current.enabled, current, {
      applied: ctx.text({
        en: `EBS encryption by default is on in ${finding.region}: the fix was applied before the interruption.`,
        ja: `${finding.region} で EBS のデフォルト暗号化が有効になっています。中断の前に修正は適用されていました。`,
      }),
      notApplied: ctx.text({
        en: `EBS encryption by default is still off in ${finding.region}: the fix was not applied.`,
        ja: `${finding.region} の EBS のデフォルト暗号化はまだ無効です。修正は適用されていません。`,
      }),
    });
  },
});
