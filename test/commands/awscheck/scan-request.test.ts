import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../commands/awscheck/parse.ts';
import { toScanRequest } from '../../../commands/awscheck/scan-request.ts';
import { rootMfa } from '../../../checks/iam/root-mfa/check.ts';
import { fakeCheck } from '../../slack/fixtures.ts';

const catalogue = [rootMfa, fakeCheck({ items: () => [] })];
const accounts = [
  { id: '111122223333', name: 'prod' },
  { id: '444455556666', name: 'dev' },
];
const request = (text: string, locale: 'en' | 'ja' = 'en', configured = accounts) => toScanRequest(parseCommandText(text), catalogue, configured, locale);

describe('toScanRequest', () => {
  it('scans everything by default, privately', () => {
    expect(request('')).toEqual({ ok: true, request: { selection: {}, public: false } });
  });

  it('narrows by service, check, account and region', () => {
    expect(request('iam account=PROD,444455556666 region=ap-northeast-1 public')).toEqual({
      ok: true,
      request: { selection: { services: ['iam'], accounts: ['PROD', '444455556666'], regions: ['ap-northeast-1'] }, public: true },
    });
    expect(request('iam.root-mfa')).toMatchObject({ request: { selection: { checks: ['iam.root-mfa'] } } });
  });

  it('combines a service and a check as both, not as their intersection', () => {
    expect(request('ec2 iam.root-mfa')).toMatchObject({ request: { selection: { checks: ['ec2.test-open-sg', 'iam.root-mfa'] } } });
  });

  it('explains each problem politely, in the chosen language', () => {
    expect(request('nonsense')).toEqual({ ok: false, problem: "I didn't understand `nonsense`." });
    expect(request('colour=red')).toMatchObject({ problem: expect.stringContaining("I don't know the option `colour=`") });
    expect(request('region=')).toMatchObject({ problem: '`region=` needs a value.' });
    expect(request('region=tokyo')).toMatchObject({ problem: expect.stringContaining('`tokyo` is not a region name') });
    expect(request('account=staging')).toMatchObject({ problem: expect.stringContaining('Configured accounts: prod (111122223333), dev (444455556666)') });
    expect(request('account=prod', 'en', [])).toMatchObject({ problem: expect.stringContaining('No accounts are configured') });
    expect(request('nonsense', 'ja')).toEqual({ ok: false, problem: '`nonsense` は理解できませんでした。' });
  });

  it('escapes what the user typed', () => {
    expect(request('<!channel>')).toEqual({ ok: false, problem: "I didn't understand `&lt;!channel&gt;`." });
  });
});
