import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.ts';
import { ACCOUNT, buildReportOf as build, failing, manyResults, result, scanReport } from './fixtures.ts';
import { JAPANESE_EVIDENCE, scannedInEnglish } from '../helpers/worded.ts';

describe('markdown rendering', () => {
  it("words findings scanned in English in the report's Japanese", () => {
    expect(renderMarkdown(build(scanReport([scannedInEnglish()])), 'ja')).toContain(escapeMarkdown(JAPANESE_EVIDENCE));
  });

  it('prints errors first, then score, new and resolved, escaping AWS text', () => {
    const before = scanReport([result({ resourceId: 'sg-fixed', status: 'FAIL' }), result({ status: 'PASS' })]);
    const scan = scanReport(
      [
        result({ resourceId: 'sg-fixed', status: 'PASS', evidence: 'sg-fixed no longer open' }),
        result({ status: 'FAIL', evidence: 'name *bold* `tick` <b>' }),
        result({ checkId: 'x', status: 'ERROR', resourceId: 'r', evidence: 'boom' }),
      ],
      { errors: [{ accountId: ACCOUNT, reason: 'partial' }] },
    );
    const md = renderMarkdown(build(scan, before), 'en');
    expect(md.indexOf('could not run')).toBeLessThan(md.indexOf('## Posture score'));
    expect(md).toContain('## New since the last report (1)');
    expect(md).toContain('name \\*bold\\* \\`tick\\` &lt;b>');
    expect(md).toContain('## Resolved since the last report (1)');
    expect(md).toContain('✅ `ec2.sg-open-ssh` prod · us-east-1 · sg-fixed no longer open');
  });

  it('caps long lists', () => {
    const md = renderMarkdown(build(scanReport(failing(10_000)), scanReport(manyResults(10_000).map((r) => ({ ...r, status: 'PASS' as const })))), 'en');
    expect(md).toContain('…and 9900 more.');
    expect(md.length).toBeLessThan(100_000);
  });

  it('escapes inline markup only', () => {
    expect(escapeMarkdown('a_b*c`d[e]|f~g<h> sg-0abc 0.0.0.0/0')).toBe('a\\_b\\*c\\`d\\[e\\]\\|f\\~g&lt;h> sg-0abc 0.0.0.0/0');
  });
});
