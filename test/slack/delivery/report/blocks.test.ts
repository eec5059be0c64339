import { describe, expect, it } from 'vitest';
import { renderSlackReport } from '../../../../src/slack/delivery/report/blocks.ts';
import { allText, expectWithinBlockKit } from '../../../helpers/block-kit.ts';
import { ACCOUNT, buildReportOf as build, failing, manyResults, result, scanReport } from '../../../report/fixtures.ts';
import { ENGLISH_EVIDENCE, JAPANESE_EVIDENCE, scannedInEnglish } from '../../../helpers/worded.ts';

describe('Slack rendering', () => {
  it('renders a clean scan with nothing failing', () => {
    const message = renderSlackReport(build(scanReport([result({ status: 'PASS' })])), 'en');
    expectWithinBlockKit(message);
    const text = allText(message);
    expect(text).toContain('Posture score: 100.0');
    expect(text).toContain('Nothing new is failing.');
    expect(text).not.toContain('could not run');
  });

  it('renders one new finding with its evidence, escaped', () => {
    const before = scanReport([result({ status: 'PASS' })]);
    const evil = result({ evidence: 'sg-0abc <!channel> & <https://evil|click> allows tcp/22 from 0.0.0.0/0' });
    const message = renderSlackReport(build(scanReport([evil]), before), 'en');
    expectWithinBlockKit(message);
    const text = allText(message);
    expect(text).toContain('New since the last report (1)');
    expect(text).toContain('sg-0abc &lt;!channel&gt; &amp; &lt;https://evil|click&gt; allows tcp/22');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('▼ −50.0 since the last report');
    expect(message.text).toContain('1 new');
  });

  it('keeps 10,000 findings inside Block Kit limits and points to the CSV', () => {
    const before = scanReport(manyResults(10_000).map((r) => ({ ...r, status: 'PASS' as const })));
    const now = scanReport(failing(10_000));
    const message = renderSlackReport(build(now, before), 'en');
    expectWithinBlockKit(message);
    const text = allText(message);
    expect(text).toMatch(/New since the last report \(10000\)/);
    expect(text).toMatch(/…and 9985 more in the attached CSV/);
    expect(text).toContain('All 10000 results are in the attached CSV.');
  });

  it('keeps very long evidence and many errors within limits', () => {
    const long = 'x'.repeat(5000);
    const errors = Array.from({ length: 200 }, (_, i) => ({ accountId: ACCOUNT, region: `r-${i}`, checkIds: ['a', 'b', 'c', 'd', 'e', 'f'], reason: long }));
    const results = Array.from({ length: 500 }, (_, i) => result({ resourceId: `sg-${i}`, evidence: long }));
    const message = renderSlackReport(build(scanReport(results, { errors, accounts: Array.from({ length: 40 }, (_, i) => ({ accountId: `${i}`.padStart(12, '0'), name: long })) })), 'ja');
    expectWithinBlockKit(message);
  });

  it('says what failed first when the scan partly failed', () => {
    const scan = scanReport(
      [
        result({ status: 'ERROR', region: 'eu-west-1', resourceType: 'region', resourceId: 'eu-west-1', evidence: 'Could not be evaluated: AccessDenied' }),
        result({ checkId: 's3.bucket-public', status: 'ERROR', resourceId: 'my-bucket', evidence: 'GetBucketPolicy: AccessDenied' }),
        result({ status: 'FAIL' }),
      ],
      { errors: [{ accountId: ACCOUNT, region: 'eu-west-1', checkIds: ['ec2.sg-open-ssh'], reason: 'AccessDenied: not authorized' }] },
    );
    const message = renderSlackReport(build(scan), 'en');
    expectWithinBlockKit(message);
    const blocks = message.blocks as { type: string; text?: { text: string } }[];
    const firstSection = blocks.find((b) => b.type === 'section');
    expect(firstSection?.text?.text).toContain('Parts of this scan could not run');
    expect(firstSection?.text?.text).toContain('prod · eu-west-1');
    expect(firstSection?.text?.text).toContain('my-bucket: GetBucketPolicy: AccessDenied');
    expect(message.text).toContain('(some checks could not run)');
  });

  it('speaks Japanese', () => {
    const text = allText(renderSlackReport(build(scanReport([result()])), 'ja'));
    expect(text).toContain('セキュリティスコア');
    expect(text).toContain('初検出 (1 件)');
  });

  it('words findings scanned in English in the report\'s Japanese, and older findings as they were stored', () => {
    const older = result({ resourceId: 'sg-old', evidence: 'worded before messages were stored' });
    const text = allText(renderSlackReport(build(scanReport([scannedInEnglish(), older])), 'ja'));
    expect(text).toContain(JAPANESE_EVIDENCE);
    expect(text).not.toContain(ENGLISH_EVIDENCE);
    expect(text).toContain('worded before messages were stored');
  });

  it('lists accepted risks that expire within 7 days', () => {
    const muted = (resourceId: string, expiresAt: string) =>
      result({ resourceId, status: 'MUTED', evidence: `${resourceId} open`, muted: { reason: 'bastion host', acceptedBy: 'U123', expiresAt } });
    const report = build(scanReport([muted('sg-soon', '2026-11-28T00:00:00Z'), muted('sg-later', '2027-01-01T00:00:00Z')]));
    expect(report.expiringRisks.map((r) => r.resourceId)).toEqual(['sg-soon']);
    const text = allText(renderSlackReport(report, 'en'));
    expect(text).toContain('Accepted risks expiring within 7 days (1)');
    expect(text).toContain('expires 2026-11-28; accepted by <@U123>: bastion host');
  });
});
