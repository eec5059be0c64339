import { describe, expect, it } from 'vitest';
import { button } from '../../../src/slack/render/blocks.ts';
import { BLOCK_KIT, measureBlocks } from '../../../src/slack/render/limits.ts';
import { renderResults } from '../../../src/slack/render/results.ts';
import { compareResults } from '../../../src/engine/sort.ts';
import { fakeCheck, report, result } from '../fixtures.ts';
import { JAPANESE_EVIDENCE, scannedInEnglish } from '../../helpers/worded.ts';

const catalogue = [fakeCheck({ items: () => [] })];
const texts = (blocks: unknown[]) => JSON.stringify(blocks);

describe('renderResults', () => {
  it('shows the score, the counts by severity, and each failing finding with an Explain button', () => {
    const out = renderResults(
      report([result(), result({ status: 'PASS', resourceId: 'sg-ok', evidence: 'fine' }), result({ severity: 'high', resourceId: 'sg-2', evidence: 'sg-2 open' })]),
      { locale: 'en', catalogue },
    );
    expect(out.blocks[0]).toMatchObject({ type: 'header', text: { text: 'awscheck · posture score 40/100' } });
    expect(texts(out.blocks)).toContain('*Critical* 1');
    expect(texts(out.blocks)).toContain('*High* 1');
    expect(texts(out.blocks)).toContain('Security groups keep admin ports closed to the world');
    const finding = out.blocks.find((b) => JSON.stringify(b).includes('sgr-123'));
    expect(finding).toMatchObject({ accessory: { action_id: 'awscheck_explain', value: 'ec2.test-open-sg' } });
    expect(texts(out.blocks)).not.toContain('sg-ok');
    expect(out).toMatchObject({ shownFindings: 2, totalFindings: 2, truncated: false });
    expect(out.text).toBe('awscheck: score 40, 1 critical and 1 high findings');
  });

  it('words each finding in the reader\'s language, whatever language the scan ran in', () => {
    const out = renderResults(report([scannedInEnglish({ severity: 'critical' })]), { locale: 'ja', catalogue });
    expect(texts(out.blocks)).toContain(JAPANESE_EVIDENCE);
  });

  it('puts errors first, before any finding, and says the results are incomplete', () => {
    const results = [
      result(),
      result({ status: 'ERROR', checkId: 'iam.root-mfa', region: 'global', evidence: 'Could not be evaluated: AccessDenied' }),
    ].sort(compareResults);
    const out = renderResults(
      report(results, { errors: [{ accountId: '111122223333', region: 'global', checkIds: ['iam.root-mfa'], reason: 'AccessDenied: <not> authorized' }] }),
      { locale: 'en', catalogue },
    );
    const errorIndex = out.blocks.findIndex((b) => JSON.stringify(b).includes('could not run, so these results are incomplete'));
    const findingIndex = out.blocks.findIndex((b) => JSON.stringify(b).includes('sgr-123'));
    expect(errorIndex).toBeGreaterThan(0);
    expect(errorIndex).toBeLessThan(findingIndex);
    expect(texts(out.blocks)).toContain('AccessDenied: &lt;not&gt; authorized');
    expect(out.text).toContain('1 check could not run');
  });

  it('lets the remediation feature add buttons next to Explain', () => {
    const finding = result();
    const out = renderResults(report([finding]), {
      locale: 'en',
      catalogue,
      findingButtons: new Map([[finding, [button('Fix…', 'awscheck_fix', `${finding.checkId}|${finding.resourceId}`, 'primary')]]]),
    });
    const row = out.blocks.find((b) => b.type === 'actions');
    expect(row).toMatchObject({ elements: [{ action_id: 'awscheck_explain' }, { action_id: 'awscheck_fix', value: 'ec2.test-open-sg|sg-0abc' }] });
  });

  it('stays inside every Block Kit limit with thousands of long findings, and says where the rest went', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      result({ resourceId: `sg-${i}`, evidence: `${'x'.repeat(4000)} ${i}`, severity: i % 2 ? 'high' : 'critical' }),
    ).sort(compareResults);
    const withButtons = new Map(many.map((f) => [f, [button('Fix…', 'awscheck_fix', 'v'), button('Accept risk', 'awscheck_accept', 'v')]]));
    for (const findingButtons of [undefined, withButtons]) {
      const out = renderResults(report(many), { locale: 'ja', catalogue, overflowNote: 'CSV は DM に添付しました。', ...(findingButtons ? { findingButtons } : {}) });
      const size = measureBlocks(out.blocks);
      expect(size.blocks).toBeLessThanOrEqual(BLOCK_KIT.maxMessageBlocks);
      expect(size.longestText).toBeLessThanOrEqual(BLOCK_KIT.maxText);
      expect(size.totalText).toBeLessThanOrEqual(BLOCK_KIT.maxMessageText);
      expect(out.truncated).toBe(true);
      expect(out.shownFindings).toBeGreaterThan(0);
      expect(JSON.stringify(out.blocks.at(-1))).toContain(`5000 件中、上位 ${out.shownFindings} 件を表示しています。 CSV は DM に添付しました。`);
    }
  });

  it('escapes everything from AWS and keeps its text verbatim (no auto-links or mentions)', () => {
    const out = renderResults(
      report([result({ evidence: '<!channel> <https://evil.example|click>', resourceId: '<@U123>' })], {
        accounts: [{ accountId: '111122223333', name: '<!here>' }],
        notes: [{ message: '<!everyone> note' }],
      }),
      { locale: 'en', catalogue },
    );
    const json = texts(out.blocks);
    expect(json).not.toMatch(/<!channel>|<https:|<@U123>|<!here>|<!everyone>/);
    const mrkdwn: { verbatim?: boolean }[] = [];
    JSON.parse(json, (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'mrkdwn') mrkdwn.push(value);
      return value;
    });
    expect(mrkdwn.length).toBeGreaterThan(3);
    expect(mrkdwn.every((m) => m.verbatim === true)).toBe(true);
  });

  it('says so when nothing fails, and gives no score when nothing could be evaluated', () => {
    const out = renderResults(report([result({ status: 'ERROR', evidence: 'no access' })]), { locale: 'en', catalogue });
    expect(out.blocks[0]).toMatchObject({ text: { text: 'awscheck · no score (nothing could be evaluated)' } });
    expect(texts(out.blocks)).toContain('No failing findings');
  });
});
