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
import { ec2Client, ec2IdOf, requireEc2Id, SNAPSHOT_ID } from '../lib/fix-client.ts';
import { fixWords } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

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
    ? ctx.say('alreadyPrivate', { snapshot: snapshotId })
    : noLongerExists(ctx.localized('snapshot', { snapshot: snapshotId }), ctx);
}

export const ebsSnapshotPublicFix = defineFix({
  id: 'ec2.make-snapshot-private',
  checkIds: ['ec2.ebs-snapshot-public'],
  words: fixWords(en, ja),
  actions: {
    read: ['ec2:DescribeSnapshotAttribute'],
    write: ['ec2:ModifySnapshotAttribute'],
  },
  supports: (finding) => ec2IdOf(finding, SNAPSHOT_ID) !== undefined,

  async preview(finding, ctx) {
    const snapshotId = requireEc2Id(finding, SNAPSHOT_ID, ctx);
    const current = await readState(ctx, finding.region, snapshotId);
    if (!current?.public) return nothingToPreview(current ?? null, nothingToDo(snapshotId, current, ctx));
    const lines = [ctx.say('plan', { snapshot: snapshotId, count: current.sharedWithAccounts.length }), ctx.say('undoPlan')];
    const warnings = [ctx.say('exposed')];
    const dryRun = await tryDryRun(() => setPublic(ctx, finding.region, snapshotId, false, true));
    return { lines, warnings: [...warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const snapshotId = requireEc2Id(finding, SNAPSHOT_ID, ctx);
    const region = finding.region;
    const before = await readState(ctx, region, snapshotId);
    if (!before?.public) return noChange(before ?? null, nothingToDo(snapshotId, before, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => setPublic(ctx, region, snapshotId, false),
      read: () => readState(ctx, region, snapshotId),
      done: (now) => now?.public === false,
      message: ctx.say('applied', { snapshot: snapshotId }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success || !before.data.public) {
      throw new FixError(ctx.localized('nothingToUndo'));
    }
    const { snapshotId } = before.data;
    const region = applied.finding.region;
    const now = await readState(ctx, region, snapshotId);
    if (!now) throw goneBeforeUndo(ctx.localized('snapshot', { snapshot: snapshotId }));
    if (now.public) {
      return noChange(now, ctx.say('alreadyPublic', { snapshot: snapshotId }));
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => setPublic(ctx, region, snapshotId, true),
      read: () => readState(ctx, region, snapshotId),
      done: (state) => state?.public === true,
      message: ctx.say('undone', { snapshot: snapshotId }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const snapshotId = requireEc2Id(finding, SNAPSHOT_ID, ctx);
    const current = await readState(ctx, finding.region, snapshotId);
    return reconciled(current?.public === false, current ?? null, {
      applied: ctx.say('reconciledApplied', { snapshot: snapshotId }),
      notApplied: current ? ctx.say('reconciledStillPublic', { snapshot: snapshotId }) : ctx.say('reconciledGone', { snapshot: snapshotId }),
    });
  },
});
