import {
  DisableEbsEncryptionByDefaultCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ebsDefaultEncryptionFix as fix } from './fix.ts';
import { awsError, finding, fixContext, mockAwsFor, sentCommands, undoApplied } from '../../../test/fixes/helpers.ts';

const aws = mockAwsFor(fix);

const ebsFinding = finding({ checkId: 'ec2.ebs-default-encryption', resourceType: 'AWS::::Account', resourceId: '123456789012', region: 'ap-northeast-1' });

function fakeRegion(enabled: boolean, dryRunError?: Error) {
  const state = { enabled };
  aws.ec2.on(GetEbsEncryptionByDefaultCommand).callsFake(async () => ({ EbsEncryptionByDefault: state.enabled }));
  aws.ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });
  const toggle = (to: boolean) => async (input: { DryRun?: boolean }) => {
    if (input.DryRun) throw dryRunError ?? awsError('DryRunOperation');
    state.enabled = to;
    return { EbsEncryptionByDefault: to, $metadata: { requestId: `req-ebs-${to}` } };
  };
  aws.ec2.on(EnableEbsEncryptionByDefaultCommand).callsFake(toggle(true));
  aws.ec2.on(DisableEbsEncryptionByDefaultCommand).callsFake(toggle(false));
  return state;
}

describe('ec2.ebs-default-encryption fix', () => {
  it('previews in the finding region with the KMS key, and shows a refused dry run', async () => {
    fakeRegion(false, awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
    const preview = await fix.preview(ebsFinding, fixContext());
    expect(preview.lines[0]).toContain('in ap-northeast-1');
    expect(preview.lines[0]).toContain('KMS key alias/aws/ebs');
    expect(preview.dryRun?.ok).toBe(false);
    expect(preview.warnings.some((w) => w.includes('UnauthorizedOperation'))).toBe(true);
    for (const call of aws.sent()) expect(await call.region).toBe('ap-northeast-1');
  });

  it('enables it, and undo disables it again', async () => {
    const state = fakeRegion(false);
    const ctx = fixContext();
    const applied = await fix.apply(ebsFinding, {}, ctx);
    expect(applied).toMatchObject({ status: 'applied', before: { enabled: false }, after: { enabled: true }, requestIds: ['req-ebs-true'] });
    const undone = await undoApplied(fix, ebsFinding, applied, ctx);
    expect(undone).toMatchObject({ status: 'undone', requestIds: ['req-ebs-false'] });
    expect(state.enabled).toBe(false);
  });

  it('changes nothing when it is already on, and reconciles by reading it', async () => {
    fakeRegion(true);
    expect(await fix.apply(ebsFinding, {}, fixContext())).toMatchObject({ status: 'no-change', requestIds: [] });
    expect(sentCommands(aws, 'EnableEbsEncryptionByDefaultCommand')).toEqual([]);
    expect((await fix.reconcile(ebsFinding, {}, fixContext())).state).toBe('changed');
  });
});
