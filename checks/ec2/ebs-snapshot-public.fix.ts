// Makes a public EBS snapshot private: removes only the "all" group from its create-volume permission, so
// accounts it is shared with by id keep their access. Undo makes it public again.
import { DescribeSnapshotAttributeCommand, ModifySnapshotAttributeCommand } from '@aws-sdk/client-ec2';
import { hasErrorCode } from '../../src/aws/errors.ts';
import type { CheckResult } from '../../src/engine/types.ts';
import {
  defineFix,
  type FixContext,
  FixError,
  dryRunWarning,
  readBack,
  requestIds,
  tryDryRun,
  unverifiedNote,
} from '../../src/remediation/fix.ts';
import { z } from 'zod';
import { ec2Client } from './ec2-support.fix.ts';

const SNAPSHOT_ID = /^snap-[0-9a-f]+$/;

function snapshotIdOf(finding: CheckResult): string | undefined {
  const fromDetails = finding.details.snapshotId;
  if (typeof fromDetails === 'string' && SNAPSHOT_ID.test(fromDetails)) return fromDetails;
  return SNAPSHOT_ID.test(finding.resourceId) ? finding.resourceId : undefined;
}

function requireSnapshotId(finding: CheckResult): string {
  const id = snapshotIdOf(finding);
  if (!id) {
    throw new FixError({
      en: `The finding for ${finding.resourceId} does not name a snapshot id`,
      ja: `${finding.resourceId} の検出結果にスナップショット ID がありません`,
    });
  }
  return id;
}

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
    : ctx.text({
        en: `Snapshot ${snapshotId} no longer exists. Nothing was changed.`,
        ja: `スナップショット ${snapshotId} はもう存在しません。何も変更していません。`,
      });
}

export const ebsSnapshotPublicFix = defineFix({
  id: 'ec2.make-snapshot-private',
  checkIds: ['ec2.ebs-snapshot-public'],
  title: { en: 'Make the EBS snapshot private', ja: 'EBS スナップショットを非公開にする' },
  actions: {
    read: ['ec2:DescribeSnapshotAttribute'],
    write: ['ec2:ModifySnapshotAttribute'],
  },
  supports: (finding) => snapshotIdOf(finding) !== undefined,

  async preview(finding, ctx) {
    const snapshotId = requireSnapshotId(finding);
    const current = await readState(ctx, finding.region, snapshotId);
    if (!current?.public) return { lines: [nothingToDo(snapshotId, current, ctx)], warnings: [], current: current ?? null, alreadyFixed: true };
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
    const snapshotId = requireSnapshotId(finding);
    const region = finding.region;
    const before = await readState(ctx, region, snapshotId);
    if (!before?.public) {
      return { status: 'no-change', before: before ?? null, after: before ?? null, requestIds: [], message: nothingToDo(snapshotId, before, ctx), verified: true };
    }
    const answer = await setPublic(ctx, region, snapshotId, false);
    const check = await readBack(ctx, () => readState(ctx, region, snapshotId), (now) => now?.public === false);
    return {
      status: 'applied',
      before,
      after: check.value ?? null,
      requestIds: requestIds(answer),
      message:
        ctx.text({ en: `Snapshot ${snapshotId} is private now.`, ja: `スナップショット ${snapshotId} を非公開にしました。` }) +
        unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
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
    if (!now) {
      throw new FixError({
        en: `Snapshot ${snapshotId} no longer exists, so there is nothing to undo`,
        ja: `スナップショット ${snapshotId} はもう存在しないため、取り消すものはありません`,
      });
    }
    if (now.public) {
      return {
        status: 'no-change',
        before: now,
        after: now,
        requestIds: [],
        message: ctx.text({
          en: `Snapshot ${snapshotId} is already public. Nothing was changed.`,
          ja: `スナップショット ${snapshotId} はすでに公開されています。何も変更していません。`,
        }),
        verified: true,
      };
    }
    const answer = await setPublic(ctx, region, snapshotId, true);
    const check = await readBack(ctx, () => readState(ctx, region, snapshotId), (state) => state?.public === true);
    return {
      status: 'undone',
      before: now,
      after: check.value ?? null,
      requestIds: requestIds(answer),
      message:
        ctx.text({ en: `Snapshot ${snapshotId} is public again.`, ja: `スナップショット ${snapshotId} を再び公開しました。` }) +
        unverifiedNote(check.verified, ctx),
      verified: check.verified,
    };
  },

  async reconcile(finding, _inputs, ctx) {
    const snapshotId = requireSnapshotId(finding);
    const current = await readState(ctx, finding.region, snapshotId);
    if (current && !current.public) {
      return {
        state: 'changed',
        current,
        message: ctx.text({
          en: `Snapshot ${snapshotId} is private: the fix was applied before the interruption.`,
          ja: `スナップショット ${snapshotId} は非公開になっています。中断の前に修正は適用されていました。`,
        }),
      };
    }
    return {
      state: 'unchanged',
      current: current ?? null,
      message: ctx.text({
        en: `Snapshot ${snapshotId} is ${current ? 'still public' : 'gone'}: the fix was not applied.`,
        ja: `スナップショット ${snapshotId} は${current ? 'まだ公開されています' : '存在しません'}。修正は適用されていません。`,
      }),
    };
  },
});
