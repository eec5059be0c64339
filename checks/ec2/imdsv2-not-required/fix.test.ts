import { DescribeInstancesCommand, ModifyInstanceMetadataOptionsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { imdsv2Fix as fix } from './fix.ts';
import { awsError, finding, fixContext, mockAwsFor, sentCommands, undoApplied } from '../../../test/fixes/helpers.ts';

const aws = mockAwsFor(fix);

const imdsFinding = finding({ checkId: 'ec2.imdsv2-not-required', resourceType: 'AWS::EC2::Instance', resourceId: 'i-0abc' });

/** One instance whose HttpTokens really changes when modified. */
function fakeInstance(httpTokens: string, options: { dryRunError?: Error; hopLimit?: number; endpoint?: string } = {}) {
  const state = { httpTokens };
  aws.ec2.on(DescribeInstancesCommand).callsFake(async () => ({
    Reservations: [
      {
        Instances: [
          {
            InstanceId: 'i-0abc',
            State: { Name: 'running' },
            Tags: [{ Key: 'Name', Value: 'web-1' }],
            MetadataOptions: { HttpTokens: state.httpTokens, HttpEndpoint: options.endpoint ?? 'enabled', HttpPutResponseHopLimit: options.hopLimit ?? 2 },
          },
        ],
      },
    ],
  }));
  aws.ec2.on(ModifyInstanceMetadataOptionsCommand).callsFake(async (input: { HttpTokens: string; DryRun?: boolean }) => {
    if (input.DryRun) throw options.dryRunError ?? awsError('DryRunOperation');
    state.httpTokens = input.HttpTokens;
    return { InstanceId: 'i-0abc', $metadata: { requestId: `req-imds-${input.HttpTokens}` } };
  });
  return state;
}

describe('ec2.imdsv2-not-required fix', () => {
  it('previews the change and its impact, with a dry run', async () => {
    fakeInstance('optional', { hopLimit: 1 });
    const preview = await fix.preview(imdsFinding, fixContext());
    expect(preview.current).toEqual({ instanceId: 'i-0abc', httpTokens: 'optional' });
    expect(preview.lines[0]).toContain('Set HttpTokens to required on i-0abc (web-1) (now optional)');
    expect(preview.warnings[0]).toContain('MetadataNoToken');
    expect(preview.warnings[1]).toContain('hop limit is 1');
    expect(preview.dryRun).toEqual({ ok: true });
    expect(sentCommands(aws, 'ModifyInstanceMetadataOptionsCommand')).toEqual([{ InstanceId: 'i-0abc', HttpTokens: 'required', DryRun: true }]);
  });

  it('shows a refused dry run', async () => {
    fakeInstance('optional', { dryRunError: awsError('UnauthorizedOperation', 'not authorized') });
    const preview = await fix.preview(imdsFinding, fixContext());
    expect(preview.dryRun).toMatchObject({ ok: false, error: 'UnauthorizedOperation: not authorized' });
  });

  it('requires IMDSv2, changing only HttpTokens, and undo sets it back to optional', async () => {
    const state = fakeInstance('optional');
    const ctx = fixContext();
    const applied = await fix.apply(imdsFinding, {}, ctx);
    expect(applied).toMatchObject({
      status: 'applied',
      before: { httpTokens: 'optional' },
      after: { httpTokens: 'required' },
      requestIds: ['req-imds-required'],
      verified: true,
    });
    expect(sentCommands(aws, 'ModifyInstanceMetadataOptionsCommand')).toEqual([{ InstanceId: 'i-0abc', HttpTokens: 'required' }]);
    const undone = await undoApplied(fix, imdsFinding, applied, ctx);
    expect(undone).toMatchObject({ status: 'undone', after: { httpTokens: 'optional' } });
    expect(state.httpTokens).toBe('optional');
  });

  it('makes no call when the instance already requires IMDSv2, has no metadata service, or is gone', async () => {
    fakeInstance('required');
    expect(await fix.apply(imdsFinding, {}, fixContext())).toMatchObject({ status: 'no-change', requestIds: [] });
    aws.reset();
    fakeInstance('optional', { endpoint: 'disabled' });
    expect((await fix.apply(imdsFinding, {}, fixContext())).message).toContain('metadata service turned off');
    aws.reset();
    aws.ec2.on(DescribeInstancesCommand).rejects(awsError('InvalidInstanceID.NotFound'));
    const gone = await fix.apply(imdsFinding, {}, fixContext());
    expect(gone.message).toContain('no longer exists');
    expect(sentCommands(aws, 'ModifyInstanceMetadataOptionsCommand')).toEqual([]);
  });

  it('reconciles by reading HttpTokens', async () => {
    fakeInstance('required');
    expect((await fix.reconcile(imdsFinding, {}, fixContext())).state).toBe('changed');
    aws.reset();
    fakeInstance('optional');
    expect((await fix.reconcile(imdsFinding, {}, fixContext())).state).toBe('unchanged');
  });
});
