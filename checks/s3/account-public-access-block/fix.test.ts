import { DeletePublicAccessBlockCommand, GetPublicAccessBlockCommand, type PublicAccessBlockConfiguration, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { accountPublicAccessBlockFix as fix } from './fix.ts';
import { finding, fixContext, mockAwsFor, sentCommands, TEST_ACCOUNT, undoApplied } from '../../../test/fixes/helpers.ts';
import { ALL_ON, fakePublicAccessBlock } from '../../../test/fixes/public-access-block.ts';

const aws = mockAwsFor(fix);

const accountFinding = finding({ checkId: 's3.account-public-access-block', region: 'global', resourceType: 'AWS::::Account', resourceId: TEST_ACCOUNT });

function fakeAccount(initial: PublicAccessBlockConfiguration | null) {
  return fakePublicAccessBlock(aws.s3control, { get: GetPublicAccessBlockCommand, put: PutPublicAccessBlockCommand, remove: DeletePublicAccessBlockCommand }, initial);
}

describe('s3.account-public-access-block fix', () => {
  it('turns all four on through S3 Control with the account id, warning that it covers every bucket', async () => {
    fakeAccount(null);
    const preview = await fix.preview(accountFinding, fixContext());
    expect(preview.lines[0]).toContain('(now off: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets)');
    expect(preview.warnings[0]).toContain('every bucket and access point');
    const applied = await fix.apply(accountFinding, {}, fixContext());
    expect(sentCommands(aws, 'PutPublicAccessBlockCommand')).toEqual([{ AccountId: TEST_ACCOUNT, PublicAccessBlockConfiguration: ALL_ON }]);
    expect(applied).toMatchObject({ status: 'applied', before: { configured: false }, after: { configured: true, config: ALL_ON } });
    for (const call of aws.sent()) expect(await call.region).toBe('us-east-1');
  });

  it('undo deletes the configuration when there was none', async () => {
    const state = fakeAccount(null);
    const ctx = fixContext();
    const applied = await fix.apply(accountFinding, {}, ctx);
    const undone = await undoApplied(fix, accountFinding, applied, ctx);
    expect(undone).toMatchObject({ status: 'undone', requestIds: ['req-delete'] });
    expect(state.config).toBeNull();
  });

  it('undo restores the previous four settings', async () => {
    const previous = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false };
    const state = fakeAccount(previous);
    const ctx = fixContext();
    const applied = await fix.apply(accountFinding, {}, ctx);
    await undoApplied(fix, accountFinding, applied, ctx);
    expect(sentCommands(aws, 'PutPublicAccessBlockCommand').at(-1)).toEqual({ AccountId: TEST_ACCOUNT, PublicAccessBlockConfiguration: previous });
    expect(state.config).toEqual(previous);
  });

  it('changes nothing when all four are already on', async () => {
    fakeAccount(ALL_ON);
    expect(await fix.apply(accountFinding, {}, fixContext())).toMatchObject({ status: 'no-change', requestIds: [] });
    expect((await fix.reconcile(accountFinding, {}, fixContext())).state).toBe('changed');
  });
});
