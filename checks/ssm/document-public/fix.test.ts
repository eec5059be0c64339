import { DescribeDocumentPermissionCommand, ModifyDocumentPermissionCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { documentPublicFix as fix } from './fix.ts';
import { awsError, finding, fixContext, mockAwsFor, sentCommands, undoApplied } from '../../../test/fixes/helpers.ts';

const aws = mockAwsFor(fix);

const docFinding = finding({ checkId: 'ssm.document-public', region: 'eu-central-1', resourceType: 'AWS::SSM::Document', resourceId: 'Deploy-App' });

function fakeDocument(isPublic: boolean) {
  const state = { public: isPublic };
  aws.ssm.on(DescribeDocumentPermissionCommand).callsFake(async () => ({
    AccountIds: [...(state.public ? ['all'] : []), '210987654321'],
    AccountSharingInfoList: [...(state.public ? [{ AccountId: 'all', SharedDocumentVersion: '3' }] : []), { AccountId: '210987654321', SharedDocumentVersion: '$DEFAULT' }],
  }));
  aws.ssm.on(ModifyDocumentPermissionCommand).callsFake(async (input: { AccountIdsToAdd?: string[]; AccountIdsToRemove?: string[] }) => {
    if (input.AccountIdsToRemove?.includes('all')) state.public = false;
    if (input.AccountIdsToAdd?.includes('all')) state.public = true;
    return { $metadata: { requestId: `req-${state.public ? 'share' : 'unshare'}` } };
  });
  return state;
}

describe('ssm.document-public fix', () => {
  it('removes only the public share; accounts shared by id keep it; undo shares the same version again', async () => {
    const state = fakeDocument(true);
    const ctx = fixContext();
    const preview = await fix.preview(docFinding, ctx);
    expect(preview.lines[0]).toContain('Stop sharing document Deploy-App (version 3) with everyone. The 1 account it is shared with by id keeps it.');
    expect(preview.dryRun).toBeUndefined();
    const applied = await fix.apply(docFinding, {}, ctx);
    expect(sentCommands(aws, 'ModifyDocumentPermissionCommand')).toEqual([{ Name: 'Deploy-App', PermissionType: 'Share', AccountIdsToRemove: ['all'] }]);
    expect(applied).toMatchObject({ status: 'applied', after: { public: false, sharedWithAccounts: ['210987654321'] }, requestIds: ['req-unshare'] });
    const undone = await undoApplied(fix, docFinding, applied, ctx);
    expect(sentCommands(aws, 'ModifyDocumentPermissionCommand').at(-1)).toEqual({
      Name: 'Deploy-App',
      PermissionType: 'Share',
      AccountIdsToAdd: ['all'],
      SharedDocumentVersion: '3',
    });
    expect(undone.status).toBe('undone');
    expect(state.public).toBe(true);
    for (const call of aws.sent()) expect(await call.region).toBe('eu-central-1');
  });

  it('makes no call for a document no longer public or deleted', async () => {
    fakeDocument(false);
    expect(await fix.apply(docFinding, {}, fixContext())).toMatchObject({ status: 'no-change', requestIds: [] });
    aws.reset();
    aws.ssm.on(DescribeDocumentPermissionCommand).rejects(awsError('InvalidDocument'));
    expect((await fix.apply(docFinding, {}, fixContext())).message).toContain('no longer exists');
    expect(sentCommands(aws, 'ModifyDocumentPermissionCommand')).toEqual([]);
  });

  it('reconciles by reading the shares', async () => {
    fakeDocument(false);
    expect((await fix.reconcile(docFinding, {}, fixContext())).state).toBe('changed');
  });
});
