import {
  DeleteBucketPolicyCommand,
  GetBucketPolicyCommand,
  GetBucketWebsiteCommand,
  PutBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { bucketSslOnlyFix as fix } from './fix.ts';
import { awsError, finding, fixContext, mockAwsFor, sentCommands, undoApplied } from '../../../test/fixes/helpers.ts';

const aws = mockAwsFor(fix);

const ARN = 'arn:aws:s3:::photos';
const sslFinding = finding({ checkId: 's3.bucket-ssl-only', region: 'eu-west-1', resourceType: 'AWS::S3::Bucket', resourceId: 'photos', resourceArn: ARN });
const READ_FOR_CDN = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Cdn', Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: `${ARN}/*` }],
});
const TLS_STATEMENT = {
  Sid: 'AwscheckDenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [ARN, `${ARN}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

function fakePolicy(initial: string | null) {
  const state = { policy: initial };
  aws.s3.on(GetBucketPolicyCommand).callsFake(async () => {
    if (state.policy === null) throw awsError('NoSuchBucketPolicy');
    return { Policy: state.policy };
  });
  aws.s3.on(PutBucketPolicyCommand).callsFake(async (input: { Policy: string }) => {
    state.policy = input.Policy;
    return { $metadata: { requestId: 'req-put' } };
  });
  aws.s3.on(DeleteBucketPolicyCommand).callsFake(async () => {
    state.policy = null;
    return { $metadata: { requestId: 'req-delete' } };
  });
  aws.s3.on(GetBucketWebsiteCommand).rejects(awsError('NoSuchWebsiteConfiguration'));
  return state;
}

describe('s3.bucket-ssl-only fix', () => {
  it('adds the deny statement and keeps the existing ones; undo restores the previous text exactly', async () => {
    const state = fakePolicy(READ_FOR_CDN);
    const ctx = fixContext();
    const preview = await fix.preview(sslFinding, ctx);
    expect(preview.lines[0]).toContain('The existing 1 statement stays as it is');
    const applied = await fix.apply(sslFinding, {}, ctx);
    const written = JSON.parse(sentCommands(aws, 'PutBucketPolicyCommand')[0]?.Policy as string);
    expect(written.Statement).toEqual([JSON.parse(READ_FOR_CDN).Statement[0], TLS_STATEMENT]);
    expect(applied).toMatchObject({ status: 'applied', before: { policy: READ_FOR_CDN }, verified: true });

    const undone = await undoApplied(fix, sslFinding, applied, ctx);
    expect(undone.status).toBe('undone');
    expect(state.policy).toBe(READ_FOR_CDN);
  });

  it('creates a policy when there is none, and undo deletes it', async () => {
    const state = fakePolicy(null);
    const ctx = fixContext();
    const applied = await fix.apply(sslFinding, {}, ctx);
    expect(JSON.parse(state.policy ?? '{}')).toEqual({ Version: '2012-10-17', Statement: [TLS_STATEMENT] });
    const undone = await undoApplied(fix, sslFinding, applied, ctx);
    expect(undone).toMatchObject({ status: 'undone', requestIds: ['req-delete'] });
    expect(state.policy).toBeNull();
  });

  it("undo removes only its own statement when the policy was edited since, keeping the others' change", async () => {
    const state = fakePolicy(READ_FOR_CDN);
    const ctx = fixContext();
    const applied = await fix.apply(sslFinding, {}, ctx);
    const edited = JSON.parse(state.policy ?? '{}');
    edited.Statement.push({ Sid: 'Audit', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/audit' }, Action: 's3:GetObject', Resource: `${ARN}/*` });
    state.policy = JSON.stringify(edited);
    const undone = await undoApplied(fix, sslFinding, applied, ctx);
    expect(undone.message).toContain('only the statement the fix added was removed');
    expect(JSON.parse(state.policy ?? '{}').Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['Cdn', 'Audit']);
  });

  it('recognises an existing TLS deny and changes nothing', async () => {
    const existing = JSON.stringify({
      Statement: { Effect: 'Deny', Principal: { AWS: '*' }, Action: ['s3:*'], Resource: [`${ARN}/*`, ARN], Condition: { Bool: { 'aws:securetransport': false } } },
    });
    fakePolicy(existing);
    expect(await fix.apply(sslFinding, {}, fixContext())).toMatchObject({ status: 'no-change', requestIds: [] });
    expect(sentCommands(aws, 'PutBucketPolicyCommand')).toEqual([]);
  });

  it('adds its statement when an existing deny covers only the objects, as the check would still fail', async () => {
    const objectsOnly = JSON.stringify({ Statement: [{ ...TLS_STATEMENT, Sid: 'Old', Resource: `${ARN}/*` }] });
    const state = fakePolicy(objectsOnly);
    const outcome = await fix.apply(sslFinding, {}, fixContext());
    expect(outcome.status).toBe('applied');
    expect(JSON.parse(state.policy ?? '{}').Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['Old', 'AwscheckDenyInsecureTransport']);
  });

  it('refuses a policy that is not JSON rather than overwrite it', async () => {
    fakePolicy('{not json');
    await expect(fix.apply(sslFinding, {}, fixContext())).rejects.toThrow('not valid JSON');
    expect(sentCommands(aws, 'PutBucketPolicyCommand')).toEqual([]);
  });
});
