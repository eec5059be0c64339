import { DescribeSnapshotAttributeCommand, ModifySnapshotAttributeCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ebsSnapshotPublicFix as fix } from './fix.ts';
import { awsError, finding, fixContext, mockAwsFor, sentCommands, undoApplied } from '../../../test/fixes/helpers.ts';

const aws = mockAwsFor(fix);

const snapFinding = finding({ checkId: 'ec2.ebs-snapshot-public', resourceType: 'AWS::EC2::Snapshot', resourceId: 'snap-0abc' });

function fakeSnapshot(isPublic: boolean) {
  const state = { public: isPublic };
  aws.ec2.on(DescribeSnapshotAttributeCommand).callsFake(async () => ({
    SnapshotId: 'snap-0abc',
    CreateVolumePermissions: [...(state.public ? [{ Group: 'all' as const }] : []), { UserId: '210987654321' }],
  }));
  aws.ec2.on(ModifySnapshotAttributeCommand).callsFake(async (input: { DryRun?: boolean; CreateVolumePermission?: { Add?: unknown[]; Remove?: unknown[] } }) => {
    if (input.DryRun) throw awsError('DryRunOperation');
    state.public = Boolean(input.CreateVolumePermission?.Add?.length);
    return { $metadata: { requestId: `req-snap-${state.public ? 'public' : 'private'}` } };
  });
  return state;
}

describe('ec2.ebs-snapshot-public fix', () => {
  it('removes only the public "all" permission; accounts shared by id keep theirs; undo adds it back', async () => {
    const state = fakeSnapshot(true);
    const ctx = fixContext();
    const preview = await fix.preview(snapFinding, ctx);
    expect(preview.lines[0]).toContain('The 1 account it is shared with by id keeps its access');
    expect(preview.dryRun).toEqual({ ok: true });
    const applied = await fix.apply(snapFinding, {}, ctx);
    expect(sentCommands(aws, 'ModifySnapshotAttributeCommand').at(-1)).toEqual({
      SnapshotId: 'snap-0abc',
      Attribute: 'createVolumePermission',
      CreateVolumePermission: { Remove: [{ Group: 'all' }] },
    });
    expect(applied).toMatchObject({ status: 'applied', after: { public: false, sharedWithAccounts: ['210987654321'] }, requestIds: ['req-snap-private'] });
    const undone = await undoApplied(fix, snapFinding, applied, ctx);
    expect(sentCommands(aws, 'ModifySnapshotAttributeCommand').at(-1)).toEqual({
      SnapshotId: 'snap-0abc',
      Attribute: 'createVolumePermission',
      CreateVolumePermission: { Add: [{ Group: 'all' }] },
    });
    expect(undone.status).toBe('undone');
    expect(state.public).toBe(true);
  });

  it('makes no call for a snapshot already private or deleted', async () => {
    fakeSnapshot(false);
    expect(await fix.apply(snapFinding, {}, fixContext())).toMatchObject({ status: 'no-change', requestIds: [] });
    aws.reset();
    aws.ec2.on(DescribeSnapshotAttributeCommand).rejects(awsError('InvalidSnapshot.NotFound'));
    expect((await fix.apply(snapFinding, {}, fixContext())).message).toContain('no longer exists');
    expect(sentCommands(aws, 'ModifySnapshotAttributeCommand')).toEqual([]);
  });

  it('reconciles by reading the permission', async () => {
    fakeSnapshot(false);
    expect((await fix.reconcile(snapFinding, {}, fixContext())).state).toBe('changed');
    aws.reset();
    fakeSnapshot(true);
    expect((await fix.reconcile(snapFinding, {}, fixContext())).state).toBe('unchanged');
  });
});
