import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/schema.ts';
import { defineCheck, defineCollector } from '../../src/engine/define.ts';
import { scan } from '../../src/engine/scan.ts';
import type { ScanProgress } from '../../src/engine/types.ts';
import { describeRegionsHandler, FakeAwsHttp, stsHandlers } from '../helpers/fake-aws-http.ts';
import { testEvidence } from '../helpers/test-words.ts';

const text = { en: 't', ja: 't' };

/** Asks STS who we are: proves which credentials the account's clients use. */
const whoAmI = defineCollector<string>({
  id: 'iam.test-who-am-i',
  scope: 'global',
  actions: ['sts:GetCallerIdentity'],
  async collect(ctx) {
    const answer = await ctx.session.client(STSClient, ctx.session.homeRegion).send(new GetCallerIdentityCommand({}));
    return answer.Account ?? '';
  },
});

let regionalCalls = 0;
const perRegion = defineCollector<string>({
  id: 'ec2.test-per-region',
  scope: 'regional',
  actions: [],
  async collect(ctx) {
    regionalCalls += 1;
    if (ctx.region === 'eu-west-1') throw Object.assign(new Error('denied in eu-west-1'), { name: 'UnauthorizedOperation' });
    return ctx.region;
  },
});

const identityCheck = defineCheck({
  id: 'test.identity',
  service: 'iam',
  severity: 'high',
  cis: [],
  securityHub: [],
  scope: 'global',
  needs: [whoAmI],
  title: text,
  why: text,
  guide: text,
  evaluate: ([account], ctx) => [
    { status: 'PASS', region: 'global', resourceType: 'AWS::::Account', resourceId: ctx.accountId, evidence: testEvidence(`caller ${account}`), details: {} },
  ],
});

const regionalCheck = (id: string) =>
  defineCheck({
    id,
    service: 'ec2',
    severity: 'medium',
    cis: [],
    securityHub: [],
    scope: 'regional',
    needs: [perRegion],
    title: text,
    why: text,
    guide: text,
    evaluate: ([region]) => [{ status: 'FAIL', region, resourceType: 'AWS::EC2::Thing', resourceId: `thing-${region}`, evidence: testEvidence('x'), details: {} }],
  });

const fake = new FakeAwsHttp({
  sts: stsHandlers('000011112222'),
  ec2: {
    DescribeRegions: describeRegionsHandler({
      'us-east-1': 'opt-in-not-required',
      'eu-west-1': 'opt-in-not-required',
      'ap-northeast-1': 'opt-in-not-required',
      'af-south-1': 'not-opted-in',
    }),
  },
});

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

describe('scan across accounts and regions', () => {
  it('assumes each account role (session name, external id) and isolates an account that cannot be reached', async () => {
    const settings = defaultSettings({
      endpointUrl: fake.url,
      accounts: [
        { id: '111111111111', name: 'prod', roleArn: 'arn:aws:iam::111111111111:role/awscheck-read', externalId: 'ext-123' },
        { id: '999999999999', name: 'locked', roleArn: 'arn:aws:iam::999999999999:role/awscheck-read' },
      ],
    });
    const report = await scan({}, { settings, checks: [identityCheck] });
    const prod = report.results.find((r) => r.accountId === '111111111111');
    expect(prod).toMatchObject({ status: 'PASS', evidence: 'caller 111111111111' });
    const locked = report.results.find((r) => r.accountId === '999999999999');
    expect(locked).toMatchObject({ status: 'ERROR', checkId: 'test.identity' });
    expect(locked?.evidence).toMatch(/Cannot access account locked \(999999999999\): AccessDenied/);
    expect(report.errors).toEqual([expect.objectContaining({ accountId: '999999999999' })]);
    const assumed = fake.calls('sts', 'AssumeRole');
    expect(assumed.map((r) => r.params.get('RoleSessionName'))).toEqual(['awscheck-scan', 'awscheck-scan']);
    expect(assumed.find((r) => r.params.get('RoleArn')?.includes('111111111111'))?.params.get('ExternalId')).toBe('ext-123');
    // One AssumeRole per account per scan: the credentials are cached and shared by every client.
    expect(assumed).toHaveLength(2);
  });

  it('covers every enabled region, fetches each regional inventory once, and keeps a regional failure in its region', async () => {
    regionalCalls = 0;
    const progress: ScanProgress[] = [];
    const settings = defaultSettings({ endpointUrl: fake.url });
    const report = await scan(
      {},
      { settings, checks: [regionalCheck('test.a'), regionalCheck('test.b')] },
      { onProgress: (p) => progress.push(p) },
    );
    expect(report.accounts).toEqual([{ accountId: '000011112222', name: '000011112222' }]);
    expect(report.regions).toEqual(['ap-northeast-1', 'eu-west-1', 'us-east-1']);
    expect(regionalCalls).toBe(3);
    const byRegion = (region: string) => report.results.filter((r) => r.region === region).map((r) => r.status);
    expect(byRegion('us-east-1')).toEqual(['FAIL', 'FAIL']);
    expect(byRegion('eu-west-1')).toEqual(['ERROR', 'ERROR']);
    expect(report.errors).toEqual([
      expect.objectContaining({ region: 'eu-west-1', checkIds: ['test.a', 'test.b'], reason: expect.stringContaining('UnauthorizedOperation') }),
    ]);
    expect(progress.at(-1)?.ec2).toEqual({ done: 3, total: 3, unit: 'regions', finished: true });
  });

  it('skips a selected region that is not opted in, with a note, and narrows results to the selection', async () => {
    const settings = defaultSettings({ endpointUrl: fake.url });
    const report = await scan({ regions: ['us-east-1', 'af-south-1'] }, { settings, checks: [regionalCheck('test.a')] });
    expect(report.regions).toEqual(['us-east-1']);
    expect(report.results.map((r) => r.region)).toEqual(['us-east-1']);
    expect(report.notes).toEqual([expect.objectContaining({ message: expect.stringContaining('af-south-1 is not enabled') })]);
  });

  it('says what it skipped and what it could not evaluate in the configured language', async () => {
    const settings = defaultSettings({ endpointUrl: fake.url, locale: 'ja' });
    const report = await scan({ regions: ['eu-west-1', 'af-south-1'] }, { settings, checks: [regionalCheck('test.a')] });
    expect(report.notes[0]?.message).toBe('リージョン af-south-1 はこのアカウントで有効化 (オプトイン) されていないため、スキップしました。');
    expect(report.results[0]).toMatchObject({ status: 'ERROR', evidence: expect.stringMatching(/^評価できませんでした: UnauthorizedOperation/) });
  });
});
