// The grouped results message, rendered for real and measured against Block Kit's limits.
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index.ts';
import { compareResults } from '../../../src/engine/sort.ts';
import type { Severity } from '../../../src/engine/types.ts';
import { button } from '../../../src/slack/render/blocks.ts';
import { BLOCK_KIT, measureBlocks } from '../../../src/slack/render/limits.ts';
import { renderResults } from '../../../src/slack/render/results.ts';
import { groupFailures } from '../../../src/slack/results/groups.ts';
import { RESULTS_ACTIONS } from '../../../src/slack/ids.ts';
import { parseGroupRef } from '../../../src/slack/results/group-ref.ts';
import { fakeCheck, report, result } from '../fixtures.ts';
import { crowdedResults } from './crowded.ts';

const SET = 'AAAAAAAAAAAAAAAAAAAAAA';

const catalogue = [
  fakeCheck({ id: 'ec2.public-snapshot', items: () => [] }),
  ...Array.from({ length: 10 }, (_, i) => fakeCheck({ id: `ec2.other-${i}`, items: () => [] })),
];

interface Element {
  type: string;
  action_id?: string;
  value?: string;
  options?: { value: string; text: { text: string } }[];
}

function actionElements(blocks: readonly unknown[]): Element[] {
  return blocks.flatMap((b) => ((b as { type: string }).type === 'actions' ? ((b as { elements: Element[] }).elements ?? []) : []));
}

function expectWithinLimits(blocks: readonly unknown[]): void {
  const size = measureBlocks(blocks);
  expect(size.blocks).toBeLessThanOrEqual(BLOCK_KIT.maxMessageBlocks);
  expect(size.longestText).toBeLessThanOrEqual(BLOCK_KIT.maxText);
  expect(size.totalText).toBeLessThanOrEqual(BLOCK_KIT.maxMessageText);
  for (const block of blocks as { type: string; elements?: Element[] }[]) {
    if (block.type === 'actions') expect(block.elements?.length).toBeLessThanOrEqual(BLOCK_KIT.maxActions);
  }
  for (const element of actionElements(blocks)) {
    expect(element.action_id?.length ?? 0).toBeLessThanOrEqual(255);
    if (element.value !== undefined) expect(element.value.length).toBeLessThanOrEqual(2000);
    for (const option of element.options ?? []) {
      expect(option.value.length).toBeLessThanOrEqual(150);
      expect(option.text.text.length).toBeLessThanOrEqual(75);
    }
    expect((element.options ?? []).length).toBeLessThanOrEqual(100);
  }
}

describe('grouped results', () => {
  it('shows every failing check, worst first, when one check has 500 findings', () => {
    const results = crowdedResults();
    const lone = new Map(results.filter((r) => r.checkId !== 'ec2.public-snapshot').map((r) => [r, [button('Fix…', 'awscheck_fix', `id-${r.resourceId}`)]]));
    const out = renderResults(report(results), { locale: 'en', catalogue, resultSetId: SET, findingButtons: lone });
    expectWithinLimits(out.blocks);
    expect(out.groups).toBe(11);
    expect(out.totalFindings).toBe(510);
    const json = JSON.stringify(out.blocks);
    for (let i = 0; i < 10; i += 1) expect(json).toContain(`ec2.other-${i}`);
    expect(json).toContain('ec2.public-snapshot');
    // Worst first: the critical checks come before the 500 low ones.
    const at = (id: string) => out.blocks.findIndex((b) => JSON.stringify(b).includes(id));
    expect(at('ec2.other-0')).toBeLessThan(at('ec2.public-snapshot'));
    expect(at('ec2.other-2')).toBeLessThan(at('ec2.other-4'));
    // The big group: its count, its first names, and Show all (500) naming the set and the check.
    expect(json).toContain('*500 resources*: `snap-0000`, `snap-0001`, `snap-0002` …and 497 more');
    const showAll = actionElements(out.blocks).find((e) => e.action_id === RESULTS_ACTIONS.showAll);
    expect(parseGroupRef(showAll?.value)).toEqual({ setId: SET, checkId: 'ec2.public-snapshot', page: 0 });
    expect(JSON.stringify(showAll)).toContain('Show all (500)');
    // A one-finding check: its Fix… is right there.
    const fixes = actionElements(out.blocks).filter((e) => e.action_id === 'awscheck_fix').map((e) => e.value);
    expect(fixes).toEqual(expect.arrayContaining(['id-sg-other-0', 'id-sg-other-1']));
    expect(out.truncated).toBe(true);
    expect(JSON.stringify(out.blocks.at(-1))).toContain('All 11 failing checks are listed (510 findings)');
  });

  it('keeps every check visible and reachable with more checks than blocks (100: over twice the catalogue)', () => {
    const severities: Severity[] = ['critical', 'high', 'medium', 'low'];
    const results = Array.from({ length: 100 }, (_, i) =>
      Array.from({ length: (i % 3) + 1 }, (__, j) =>
        result({ checkId: `svc.check-number-${String(i).padStart(3, '0')}`, severity: severities[i % 4], resourceId: `r-${i}-${j}-${'x'.repeat(120)}`, evidence: 'y'.repeat(2000) }),
      ),
    )
      .flat()
      .sort(compareResults);
    const longTitles = Array.from({ length: 100 }, (_, i) => ({
      ...fakeCheck({ id: `svc.check-number-${String(i).padStart(3, '0')}`, items: () => [] }),
      title: { en: `A rather long title for check ${i} ${'z'.repeat(200)}`, ja: `長いタイトル ${i}` },
    }));
    for (const locale of ['en', 'ja'] as const) {
      const out = renderResults(report(results), { locale, catalogue: longTitles, resultSetId: SET, overflowNote: 'CSV attached.' });
      expectWithinLimits(out.blocks);
      expect(out.groups).toBe(100);
      const json = JSON.stringify(out.blocks);
      const menuValues = actionElements(out.blocks).flatMap((e) => (e.options ?? []).map((o) => parseGroupRef(o.value)?.checkId));
      const buttonValues = actionElements(out.blocks)
        .filter((e) => e.action_id === RESULTS_ACTIONS.showAll)
        .map((e) => parseGroupRef(e.value)?.checkId);
      for (let i = 0; i < 100; i += 1) {
        const id = `svc.check-number-${String(i).padStart(3, '0')}`;
        // Visible (its line or its block) and reachable (its Show all button or a menu entry).
        expect(json).toContain(id);
        expect([...menuValues, ...buttonValues]).toContain(id);
      }
      const menus = actionElements(out.blocks).filter((e) => e.type === 'static_select');
      expect(menus.map((m) => m.action_id)).toEqual(['awscheck_show_pick', 'awscheck_show_pick_1'].slice(0, menus.length));
    }
  });

  it('shows every check of the real catalogue failing at once, across three accounts, in both languages', () => {
    const accounts = ['111111111111', '222222222222', '333333333333'].map((accountId, i) => ({ accountId, name: `account-${i}` }));
    const results = ALL_CHECKS.flatMap((check) =>
      Array.from({ length: 60 }, (_, i) =>
        result({ checkId: check.id, severity: check.severity, accountId: accounts[i % 3]?.accountId ?? '', resourceId: `arn:aws:thing:${check.id}:${i}`, evidence: 'e'.repeat(400) }),
      ),
    ).sort(compareResults);
    for (const locale of ['en', 'ja'] as const) {
      const out = renderResults(report(results, { accounts }), { locale, catalogue: ALL_CHECKS, resultSetId: SET, overflowNote: 'CSV.' });
      expectWithinLimits(out.blocks);
      expect(out.groups).toBe(ALL_CHECKS.length);
      const json = JSON.stringify(out.blocks);
      for (const check of ALL_CHECKS) expect(json).toContain(check.id);
    }
  });

  it('puts a group\'s own buttons (the slot for "Fix all") after Show all and Explain', () => {
    const results = crowdedResults();
    const out = renderResults(report(results), {
      locale: 'en',
      catalogue,
      resultSetId: SET,
      groupButtons: new Map([['ec2.public-snapshot', [button('Fix all (500)…', 'awscheck_fix_all', 'g')]]]),
    });
    const row = out.blocks.find((b) => b.type === 'actions' && JSON.stringify(b).includes('awscheck_fix_all'));
    expect((row as { elements: Element[] }).elements.map((e) => e.action_id)).toEqual([RESULTS_ACTIONS.showAll, 'awscheck_explain', 'awscheck_fix_all']);
  });

  it('escapes resource names and evidence from AWS in the groups', () => {
    const results = [
      result({ checkId: 'ec2.a', resourceId: '<!channel>', evidence: '<https://evil.example|x>' }),
      result({ checkId: 'ec2.b', resourceId: 'sg-1&<@U1>' }),
      result({ checkId: 'ec2.b', resourceId: 'sg-2' }),
    ];
    const json = JSON.stringify(renderResults(report(results), { locale: 'en', catalogue, resultSetId: SET }).blocks);
    expect(json).not.toMatch(/<!channel>|<https:|<@U1>/);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('sg-1&amp;&lt;@U1&gt;');
  });

  it('groups by check with the worst severity of its findings, biggest group first within a severity', () => {
    const groups = groupFailures(
      [
        result({ checkId: 'b', severity: 'high' }),
        result({ checkId: 'a', severity: 'high', resourceId: '1' }),
        result({ checkId: 'a', severity: 'low', resourceId: '2' }),
        result({ checkId: 'c', severity: 'critical', status: 'PASS' }),
        result({ checkId: 'd', severity: 'low' }),
      ],
      [],
    );
    expect(groups.map((g) => [g.checkId, g.severity, g.findings.length])).toEqual([
      ['a', 'high', 2],
      ['b', 'high', 1],
      ['d', 'low', 1],
    ]);
  });
});
