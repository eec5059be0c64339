// One AssumeRole per account per session, whatever the number of clients, refreshed before expiry: counted
// at a fake STS endpoint reached by the real SDK over HTTP.
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/aws/session.ts';
import { REFRESH_BEFORE_MS, shareCredentials } from '../../src/aws/shared-credentials.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { describeRegionsHandler, FakeAwsHttp, serveAsAwsEndpoint, stsHandlers } from '../helpers/fake-aws-http.ts';

const MEMBER = '210987654321';
const fake = serveAsAwsEndpoint(
  new FakeAwsHttp({
    sts: stsHandlers('123456789012'),
    iam: { GetAccountSummary: () => '<SummaryMap><entry><key>Users</key><value>1</value></entry></SummaryMap>' },
    ec2: { DescribeRegions: describeRegionsHandler({ 'us-east-1': 'opt-in-not-required' }) },
  }),
);

describe('an assumed-role session', () => {
  it('assumes the role once for every client in it, however many and however concurrent', async () => {
    const session = createSession({ id: MEMBER, name: 'member', roleArn: `arn:aws:iam::${MEMBER}:role/awscheck-read` }, 'scan', {
      settings: defaultSettings(),
    });
    try {
      const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'sa-east-1'];
      await Promise.all([
        ...regions.map((r) => session.client(STSClient, r).send(new GetCallerIdentityCommand({}))),
        ...regions.map((r) => session.client(EC2Client, r).send(new DescribeRegionsCommand({}))),
        session.client(IAMClient, 'us-east-1').send(new GetAccountSummaryCommand({})),
      ]);
      // Later calls reuse the same credentials too.
      await session.client(IAMClient, 'us-east-1').send(new GetAccountSummaryCommand({}));
    } finally {
      session.destroy();
    }
    const assumes = fake.calls('sts', 'AssumeRole').filter((r) => r.params.get('RoleArn')?.includes(MEMBER));
    expect(assumes).toHaveLength(1);
    // Every call was signed with the member's credentials.
    const signed = fake.requests.filter((r) => r.action !== 'AssumeRole').map((r) => r.accessKeyId);
    expect(new Set(signed)).toEqual(new Set([`ASIA${MEMBER}`]));
  });
});

describe('shareCredentials', () => {
  const identity = (n: number, expiresAt?: number): AwsCredentialIdentity => ({
    accessKeyId: `ASIA${n}`,
    secretAccessKey: 's',
    ...(expiresAt !== undefined ? { expiration: new Date(expiresAt) } : {}),
  });

  it('keeps the credentials until shortly before they expire, then fetches new ones once', async () => {
    let now = 0;
    let fetched = 0;
    const provider = shareCredentials(async () => identity(++fetched, 3_600_000), () => now);
    const first = await Promise.all([provider(), provider(), provider()]);
    expect(first.map((c) => c.accessKeyId)).toEqual(['ASIA1', 'ASIA1', 'ASIA1']);
    now = 3_600_000 - REFRESH_BEFORE_MS - 1;
    expect((await provider()).accessKeyId).toBe('ASIA1');
    now = 3_600_000 - REFRESH_BEFORE_MS + 1;
    const refreshed = await Promise.all([provider(), provider()]);
    expect(refreshed.map((c) => c.accessKeyId)).toEqual(['ASIA2', 'ASIA2']);
    expect(fetched).toBe(2);
  });

  it('does not keep a failure: the next caller tries again', async () => {
    let calls = 0;
    const provider = shareCredentials(async () => {
      calls += 1;
      if (calls === 1) throw new Error('AccessDenied');
      return identity(calls);
    });
    await expect(provider()).rejects.toThrow('AccessDenied');
    expect((await provider()).accessKeyId).toBe('ASIA2');
    expect((await provider()).accessKeyId).toBe('ASIA2');
    expect(calls).toBe(2);
  });
});
