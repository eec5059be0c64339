import { describe, expect, it } from 'vitest';
import { latestByAccount, renderAppHome } from '../../../src/slack/render/app-home.ts';
import { BLOCK_KIT, measureBlocks } from '../../../src/slack/render/limits.ts';
import { crowdedResults } from '../results/crowded.ts';
import { report, result } from '../fixtures.ts';

const two = [
  { accountId: '111122223333', name: 'prod' },
  { accountId: '444455556666', name: 'dev' },
];

describe('App Home', () => {
  it('keeps the newest scan per account, with only that account\'s results', () => {
    const older = report([result(), result({ accountId: '444455556666', resourceId: 'sg-dev' })], { accounts: two, finishedAt: '2026-11-25T00:00:00Z' });
    const newer = report([result({ status: 'PASS' })], { finishedAt: '2026-11-26T00:00:00Z' });
    const snapshots = latestByAccount([older, newer]);
    expect(snapshots.map((s) => [s.name, s.report.finishedAt, s.report.results.length])).toEqual([
      ['dev', '2026-11-25T00:00:00Z', 1],
      ['prod', '2026-11-26T00:00:00Z', 1],
    ]);
  });

  it('shows time, score, counts and the failing checks grouped, escaped', () => {
    const view = renderAppHome([report([result({ evidence: 'sg-1 <!channel> open' }), result({ status: 'PASS', resourceId: 'sg-2' })])], { locale: 'en', mayView: true });
    const json = JSON.stringify(view);
    expect(view.type).toBe('home');
    expect(json).toContain('*prod* (111122223333)');
    expect(json).toContain('<!date^');
    expect(json).toContain('*Score*\\n50/100');
    expect(json).toContain('*1 resource*: `sg-0abc`');
    expect(json).toContain('sg-1 &lt;!channel&gt; open');
  });

  it('shows findings only to people allowed to scan', () => {
    const json = JSON.stringify(renderAppHome([report([result()])], { locale: 'ja', mayView: false }));
    expect(json).not.toContain('sg-0abc');
    expect(json).toContain('AWSCHECK_SCANNERS');
  });

  it('fits many accounts in the tab', () => {
    const accounts = Array.from({ length: 40 }, (_, i) => ({ accountId: String(100000000000 + i), name: `acct-${i}` }));
    const view = renderAppHome([report([], { accounts })], { locale: 'en', mayView: true });
    expect(view.blocks.length).toBeLessThanOrEqual(BLOCK_KIT.maxViewBlocks);
    expect(JSON.stringify(view)).toContain('…and');
  });

  it('groups each account\'s failing checks like the results message, every check shown, with Show all', () => {
    const results = crowdedResults();
    const other = results.map((r) => ({ ...r, accountId: '444455556666' }));
    const view = renderAppHome([report([...results, ...other], { accounts: two })], {
      locale: 'en',
      mayView: true,
      resultSetIds: new Map([
        ['111122223333', 'AAAAAAAAAAAAAAAAAAAAAA'],
        ['444455556666', 'BBBBBBBBBBBBBBBBBBBBBB'],
      ]),
    });
    expect(view.blocks.length).toBeLessThanOrEqual(BLOCK_KIT.maxViewBlocks);
    const size = measureBlocks(view.blocks);
    expect(size.longestText).toBeLessThanOrEqual(BLOCK_KIT.maxText);
    const json = JSON.stringify(view);
    for (const set of ['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBB']) {
      for (let i = 0; i < 10; i += 1) expect(json).toContain(`${set}|ec2.other-${i}|0`);
      expect(json).toContain(`${set}|ec2.public-snapshot|0`);
    }
    expect(json).toContain('Show all (500)');
    // Worst first within an account: a critical check before the 500 low findings.
    expect(json.indexOf('ec2.other-0')).toBeLessThan(json.indexOf('ec2.public-snapshot'));
  });

  it('invites a first scan when there is none', () => {
    expect(JSON.stringify(renderAppHome([], { locale: 'en', mayView: true }))).toContain('No scans yet');
  });
});
