import { DeleteAccessKeyCommand, GetAccessKeyLastUsedCommand, ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { accessKeyFix as fix } from './access-key.ts';
import { fixForFinding } from '../../fixes.ts';
import { awsError, finding, fixContext, mockAwsFor, sentCommands, undoApplied } from '../../../test/fixes/helpers.ts';

const aws = mockAwsFor(fix);

const OLD_KEY = { UserName: 'alice', AccessKeyId: 'AKIAOLDKEY0000000001', Status: 'Active', CreateDate: new Date('2025-10-01T09:00:00Z') } as const;
const NEW_KEY = { UserName: 'alice', AccessKeyId: 'AKIANEWKEY0000000002', Status: 'Active', CreateDate: new Date('2026-11-01T09:00:00Z') } as const;

function keyFinding(checkId: string, slot: string, details: Record<string, unknown> = {}) {
  return finding({
    checkId,
    region: 'global',
    resourceType: 'AWS::IAM::User',
    resourceId: 'alice',
    resourceArn: 'arn:aws:iam::123456789012:user/team/alice',
    subResourceId: slot,
    details: { user: 'alice', ...details },
  });
}

/** IAM with alice's two keys (listed newest first, as nothing promises an order); UpdateAccessKey really changes them. */
function fakeIam(lastUsed: { LastUsedDate?: Date; ServiceName: string; Region: string } = { ServiceName: 'N/A', Region: 'N/A' }) {
  const keys = [{ ...NEW_KEY }, { ...OLD_KEY }] as { UserName: string; AccessKeyId: string; Status: string; CreateDate: Date }[];
  aws.iam.on(ListAccessKeysCommand).callsFake(async () => ({ AccessKeyMetadata: keys.map((k) => ({ ...k })), IsTruncated: false }));
  aws.iam.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: lastUsed });
  aws.iam.on(UpdateAccessKeyCommand).callsFake(async (input: { AccessKeyId: string; Status: string }) => {
    const key = keys.find((k) => k.AccessKeyId === input.AccessKeyId);
    if (!key) throw awsError('NoSuchEntity');
    key.Status = input.Status;
    return { $metadata: { requestId: `req-${input.Status}` } };
  });
  return keys;
}

describe('access key deactivation', () => {
  it('resolves slot 1 to the older key and previews user, age, last use and service', async () => {
    fakeIam({ LastUsedDate: new Date('2026-11-23T10:00:00Z'), ServiceName: 's3', Region: 'ap-northeast-1' });
    const preview = await fix.preview(keyFinding('iam.access-key-rotation', 'access_key_1'), fixContext());
    expect(preview.current).toMatchObject({ accessKeyId: OLD_KEY.AccessKeyId, status: 'Active' });
    expect(preview.lines[0]).toBe(`Deactivate access key ${OLD_KEY.AccessKeyId} of user alice, created 2025-10-01 (419 days ago).`);
    expect(preview.lines[1]).toBe('Last used 2026-11-23 (1 day ago) for s3 in ap-northeast-1.');
    expect(preview.warnings[0]).toContain('used 1 day ago (s3)');
    expect(sentCommands(aws, 'ListAccessKeysCommand')[0]).toEqual({ UserName: 'alice' });
    expect(sentCommands(aws, 'GetAccessKeyLastUsedCommand')).toEqual([{ AccessKeyId: OLD_KEY.AccessKeyId }]);
  });

  it('resolves slot 2 to the newer key and says when a key was never used', async () => {
    fakeIam();
    const preview = await fix.preview(keyFinding('iam.initial-access-key', 'access_key_2'), fixContext({ locale: 'ja' }));
    expect(preview.current).toMatchObject({ accessKeyId: NEW_KEY.AccessKeyId });
    expect(preview.lines).toContain('このキーは一度も使われていません。');
    expect(preview.warnings).toEqual([]);
  });

  it('deactivates the key (UpdateAccessKey Inactive) and never deletes it; undo makes it Active again', async () => {
    const keys = fakeIam();
    const ctx = fixContext();
    const f = keyFinding('iam.unused-credentials', 'access_key_1');
    const applied = await fix.apply(f, {}, ctx);
    expect(sentCommands(aws, 'UpdateAccessKeyCommand')).toEqual([{ UserName: 'alice', AccessKeyId: OLD_KEY.AccessKeyId, Status: 'Inactive' }]);
    expect(aws.iam.commandCalls(DeleteAccessKeyCommand)).toHaveLength(0);
    expect(applied).toMatchObject({ status: 'applied', before: { status: 'Active' }, after: { status: 'Inactive' }, requestIds: ['req-Inactive'] });
    expect(keys.find((k) => k.AccessKeyId === NEW_KEY.AccessKeyId)?.Status).toBe('Active');

    const undone = await undoApplied(fix, f, applied, ctx);
    expect(sentCommands(aws, 'UpdateAccessKeyCommand').at(-1)).toEqual({ UserName: 'alice', AccessKeyId: OLD_KEY.AccessKeyId, Status: 'Active' });
    expect(undone.status).toBe('undone');
    expect(aws.iam.commandCalls(DeleteAccessKeyCommand)).toHaveLength(0);
  });

  it('checks the report time: if the slot now holds another key, nothing is written', async () => {
    fakeIam();
    // The report's key was created at another time: that key was deleted, and slot order no longer means it.
    const outcome = await fix.apply(keyFinding('iam.access-key-rotation', 'access_key_1', { lastRotated: '2024-01-01T00:00:00+00:00' }), {}, fixContext());
    expect(outcome).toMatchObject({ status: 'no-change', requestIds: [] });
    expect(outcome.message).toContain('no longer exists');
    expect(sentCommands(aws, 'UpdateAccessKeyCommand')).toEqual([]);
  });

  it('finds the key by the report time even when the slots have shifted', async () => {
    fakeIam();
    const preview = await fix.preview(keyFinding('iam.access-key-rotation', 'access_key_1', { lastRotated: '2026-11-01T09:00:00+00:00' }), fixContext());
    expect(preview.current).toMatchObject({ accessKeyId: NEW_KEY.AccessKeyId });
  });

  it('changes nothing for a key that is already inactive', async () => {
    const keys = fakeIam();
    keys[1]!.Status = 'Inactive';
    const outcome = await fix.apply(keyFinding('iam.access-key-rotation', 'access_key_1'), {}, fixContext());
    expect(outcome.status).toBe('no-change');
    expect(outcome.message).toContain('already Inactive');
    expect(sentCommands(aws, 'UpdateAccessKeyCommand')).toEqual([]);
  });

  it('offers no fix for a password finding or the root user', () => {
    expect(fixForFinding(keyFinding('iam.unused-credentials', 'password'))).toBeUndefined();
    expect(fixForFinding({ ...keyFinding('iam.access-key-rotation', 'access_key_1'), details: { user: '<root_account>' } })).toBeUndefined();
    expect(fixForFinding(keyFinding('iam.unused-credentials', 'access_key_2'))).toBe(fix);
  });

  it('reconciles by reading the key status', async () => {
    const keys = fakeIam();
    const f = keyFinding('iam.access-key-rotation', 'access_key_1');
    expect((await fix.reconcile(f, {}, fixContext())).state).toBe('unchanged');
    keys[1]!.Status = 'Inactive';
    expect((await fix.reconcile(f, {}, fixContext())).state).toBe('changed');
  });
});
