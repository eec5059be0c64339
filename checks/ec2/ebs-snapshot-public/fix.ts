// Makes a public EBS snapshot private: removes only the "all" group from its create-volume permission, so
// accounts it is shared with by id keep their access. Undo makes it public again.
import { DescribeSnapshotAttributeCommand, ModifySnapshotAttributeCommand } from '@aws-sdk/client-ec2';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import { defineFix, type FixContext, FixError, dryRunWarning, tryDryRun } from '../../../src/remediation/fix.ts';
import {
  goneBeforeUndo,
  noChange,
  noLongerExists,
  nothingToPreview,
  reconciled,
  writeAndVerify,
} from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { ec2Client, ec2IdOf, type Ec2IdKind, requireEc2Id } from '../lib/fix-client.ts';

const SNAPSHOT: Ec2IdKind = { detailsKey: 'snapshotId', pattern: /^snap-[0-9a-f]+$/, name: { en: 'a snapshot id', ja: 'スナップショット ID' } };

const snapshotName = (snapshotId: string) => ({ en: `Snapshot ${snapshotId}`, ja: `スナップショット ${snapshotId}` });

const stateSchema = z.object({ snapshotId: z.string(), public: z.boolean(), sharedWithAccounts: z.array(z.string()) });
type SnapshotState = z.infer<typeof stateSchema>;

/** Who may create volumes from the snapshot now; undefined once the snapshot is deleted. */
async function readState(ctx: FixContext, region: string, snapshotId: string): Promise<SnapshotState | undefined> {
  try {
    const answer = await ec2Client(ctx, region).send(
      new DescribeSnapshotAttributeCommand({ SnapshotId: snapshotId, Attribute: 'createVolumePermission' }),
    );
    const permissions = answer.CreateVolumePermissions ?? [];
    return {
      snapshotId,
      public: permissions.some((p) => p.Group === 'all'),
      sharedWithAccounts: permissions.flatMap((p) => (p.UserId ? [p.UserId] : [])).sort(),
    };
  } catch (err) {
    if (hasErrorCode(err, 'InvalidSnapshot.NotFound', 'InvalidSnapshotID.Malformed')) return undefined;
    throw err;
  }
}

async function setPublic(ctx: FixContext, region: string, snapshotId: string, makePublic: boolean, dryRun = false) {
  const change = makePublic ? { Add: [{ Group: 'all' as const }] } : { Remove: [{ Group: 'all' as const }] };
  return ec2Client(ctx, region).send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: snapshotId,
      Attribute: 'createVolumePermission',
      CreateVolumePermission: change,
      ...(dryRun ? { DryRun: true } : {}),
    }),
  );
}

function nothingToDo(snapshotId: string, state: SnapshotState | undefined, ctx: FixContext): string {
  return state
    ? ctx.text({
        en: `Snapshot ${snapshotId} is already private. Nothing was changed.`,
        ja: `スナップショット ${snapshotId} はすでに非公開です。何も変更していません。`,
      })
    : noLongerExists(snapshotName(snapshotId), ctx);
}

export const ebsSnapshotPublicFix = defineFix({
  id: 'ec2.make-snapshot-private',
  checkIds: ['ec2.ebs-snapshot-public'],
  title: { en: 'Make the EBS snapshot private', ja: 'EBS スナップショットを非公開にする' },
  actions: {
    read: ['ec2:DescribeSnapshotAttribute'],
    write: ['ec2:ModifySnapshotAttribute'],
  },
  supports: (finding) => ec2IdOf(finding, SNAPSHOT) !== undefined,

  async preview(finding, ctx) {
    const snapshotId = requireEc2Id(finding, SNAPSHOT);
    const current = await readState(ctx, finding.region, snapshotId);
    if (!current?.public) return nothingToPreview(current ?? null, nothingToDo(snapshotId, current, ctx));
    const shared = current.sharedWithAccounts.length;
    const lines = [
      ctx.text({
        en: `Remove public create-volume permission from snapshot ${snapshotId}. The ${shared} account(s) it is shared with by id keep their access.`,
        ja: `スナップショット ${snapshotId} から公開のボリューム作成権限を削除します。ID を指定して共有している ${shared} 個のアカウントのアクセスはそのまま残ります。`,
      }),
      ctx.text({ en: 'Undo makes it public again.', ja: '取り消し (Undo) では再び公開します。' }),
    ];
    const warnings = [
      ctx.text({
        en: 'While public, anyone could copy it: if it held secrets (keys, passwords, customer data), treat them as exposed and rotate them.',
        ja: '公開中は誰でもコピーできました。秘密情報 (キー、パスワード、顧客データ) が含まれていた場合は漏えいしたものとして扱い、ローテーションしてください。',
      }),
    ];
    const dryRun = await tryDryRun(() => setPublic(ctx, finding.region, snapshotId, false, true));
    return { lines, warnings: [...warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const snapshotId = requireEc2Id(finding, SNAPSHOT);
    const region = finding.region;
    const before = await readState(ctx, region, snapshotId);
    if (!before?.public) return noChange(before ?? null, nothingToDo(snapshotId, before, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => setPublic(ctx, region, snapshotId, false),
      read: () => readState(ctx, region, snapshotId),
      done: (now) => now?.public === false,
      message: ctx.text({ en: `Snapshot ${snapshotId} is private now.`, ja: `スナップショット ${snapshotId} を非公開にしました。` }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success || !before.data.public) {
      throw new FixError({
        en: 'This record has no public permission to put back (the fix changed nothing)',
        ja: 'この記録には元に戻す公開設定がありません (修正では何も変更していません)',
      });
    }
    const { snapshotId } = before.data;
    const region = applied.finding.region;
    const now = await readState(ctx, region, snapshotId);
    if (!now) throw goneBeforeUndo(snapshotName(snapshotId));
    if (now.public) {
      return noChange(
        now,
        ctx.text({
          en: `Snapshot ${snapshotId} is already public. Nothing was changed.`,
          ja: `スナップショット ${snapshotId} はすでに公開されています。何も変更していません。`,
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => setPublic(ctx, region, snapshotId, true),
      read: () => readState(ctx, region, snapshotId),
      done: (state) => state?.public === true,
      message: ctx.text({ en: `Snapshot ${snapshotId} is public again.`, ja: `スナップショット ${snapshotId} を再び公開しました。` }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const snapshotId = requireEc2Id(finding, SNAPSHOT);
    const current = await readState(ctx, finding.region, snapshotId);
    return reconciled(current?.public === false, current ?? null, {
      applied: ctx.text({
        en: `Snapshot ${snapshotId} is private: the fix was applied before the interruption.`,
        ja: `スナップショット ${snapshotId} は非公開になっています。中断の前に修正は適用されていました。`,
      }),
      notApplied: ctx.text({
        en: `Snapshot ${snapshotId} is ${current ? 'still public' : 'gone'}: the fix was not applied.`,
        ja: `スナップショット ${snapshotId} は${current ? 'まだ公開されています' : '存在しません'}。修正は適用されていません。`,
      }),
    });
  },
});
