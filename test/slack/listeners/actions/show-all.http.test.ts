// "Show all" end to end over HTTP: a scan of a crowded account, the grouped results through the response_url,
// then signed clicks on Show all and Next until every finding has been seen, through the real listeners.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult, Severity } from '../../../../src/engine/types.ts';
import { button } from '../../../../src/slack/render/blocks.ts';
import { BLOCK_KIT, measureBlocks } from '../../../../src/slack/render/limits.ts';
import { RESULTS_ACTIONS } from '../../../../src/slack/ids.ts';
import type { GroupActions } from '../../../../src/slack/results/prepare.ts';
import { startFakeSlack } from '../../../helpers/fake-slack.ts';
import { type TestBot, useTestBot } from '../../../helpers/http-bot.ts';
import { FORM, JSON_TYPE, buttonClick, eventBody, interactionBody, postSigned, slashCommandBody } from '../../../helpers/slack-signing.ts';
import { ACCOUNT, fakeCheck } from '../../fixtures.ts';

const sts = mockClient(STSClient);

interface Harness extends TestBot {
  /** Findings whose buttons were computed (snapshots stored), in order. */
  buttonsFor: CheckResult[];
}

const startBot = useTestBot();

const SEVERITIES: Severity[] = ['critical', 'critical', 'high', 'high', 'medium', 'medium', 'low', 'low', 'info', 'info'];

function crowdedChecks() {
  return [
    fakeCheck({
      id: 'ec2.public-snapshot',
      items: () => Array.from({ length: 500 }, (_, i) => ({ id: `snap-${String(i).padStart(4, '0')}`, fail: true, evidence: `snapshot ${i} is public`, severity: 'low' as const })),
    }),
    ...SEVERITIES.map((severity, i) => fakeCheck({ id: `ec2.other-${i}`, items: () => [{ id: `sg-other-${i}`, fail: true, evidence: `other ${i} fails`, severity }] })),
  ];
}

async function start(scanners: string[] = [], groupActions?: GroupActions): Promise<Harness> {
  const slack = await startFakeSlack();
  let viewCounter = 0;
  slack.on('views.open', () => ({ ok: true, view: { id: `V${++viewCounter}`, hash: `h${viewCounter}` } }));
  slack.on('views.update', (p) => ({ ok: true, view: { id: p.view_id, hash: `h${++viewCounter}` } }));
  slack.on('views.push', () => ({ ok: true, view: { id: `V${++viewCounter}` } }));
  const buttonsFor: CheckResult[] = [];
  const started = await startBot(slack, {
    scanners,
    checks: crowdedChecks(),
    ...(groupActions ? { groupActions } : {}),
    findingActions: (finding) => {
      buttonsFor.push(finding);
      return [button('Fix…', 'awscheck_fix', `fix-${finding.resourceId}`), button('Accept risk', 'awscheck_accept_risk', `risk-${finding.resourceId}`)];
    },
  });
  return { ...started, buttonsFor };
}

interface Element {
  type: string;
  action_id: string;
  value?: string;
}
interface View {
  type: string;
  blocks: { type: string; text?: { text: string }; elements?: Element[] }[];
  private_metadata?: string;
}

const elements = (blocks: View['blocks']) => blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

/** A click inside an open modal: Slack sends the view it came from. */
function clickInModal(actionId: string, value: string, view: { id: string; hash: string }, userId = 'U0ALICE'): Record<string, unknown> {
  return {
    ...buttonClick(actionId, value, { userId }),
    container: { type: 'view', view_id: view.id },
    view: { id: view.id, hash: view.hash, type: 'modal', callback_id: 'awscheck_findings_modal', private_metadata: '', blocks: [], state: { values: {} } },
  };
}

async function scan(h: Harness, text = '', id = 'scan'): Promise<View['blocks']> {
  const body = slashCommandBody({ text, response_url: h.slack.responseUrl(id) });
  expect((await postSigned(h.events, body, FORM)).status).toBe(200);
  await h.bot.idle();
  return (h.slack.responsesTo(id).at(-1)?.body as unknown as View).blocks;
}

beforeEach(() => {
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});

describe('Show all over HTTP', () => {
  it('shows all eleven checks in the first message and pages through every one of the 500 findings', async () => {
    const h = await start();
    const blocks = await scan(h);
    const size = measureBlocks(blocks);
    expect(size.blocks).toBeLessThanOrEqual(BLOCK_KIT.maxMessageBlocks);
    expect(size.totalText).toBeLessThanOrEqual(BLOCK_KIT.maxMessageText);
    const text = JSON.stringify(blocks);
    for (let i = 0; i < 10; i += 1) expect(text).toContain(`ec2.other-${i}`);
    // Each one-finding check's Fix… is one click away in the first message.
    const fixes = elements(blocks).filter((e) => e.action_id === 'awscheck_fix').map((e) => e.value);
    expect(fixes.sort()).toEqual(SEVERITIES.map((_, i) => `fix-sg-other-${i}`).sort());
    // Buttons were computed for those ten findings only, before the message was rendered.
    expect(h.buttonsFor.map((f) => f.resourceId).sort()).toEqual(SEVERITIES.map((_, i) => `sg-other-${i}`).sort());
    // The full list still goes out as CSV.
    expect(h.slack.callsTo('files.completeUploadExternal')).toHaveLength(1);

    const showAll = elements(blocks).find((e) => e.action_id === RESULTS_ACTIONS.showAll);
    expect(showAll?.value).toContain('|ec2.public-snapshot|0');
    expect((await postSigned(h.events, interactionBody(buttonClick(RESULTS_ACTIONS.showAll, showAll?.value ?? '')), FORM)).status).toBe(200);
    const opened = await h.slack.waitFor(() => h.slack.callsTo('views.open')[0]);
    let view = opened.params.view as View;
    let current = { id: 'V1', hash: 'h1' };

    const seen = new Set<string>();
    for (let page = 1; page <= 40; page += 1) {
      const findings = view.blocks.filter((b) => b.type === 'section' && b.text?.text.includes('`snap-'));
      for (const f of findings) seen.add(/`(snap-\d+)`/.exec(f.text?.text ?? '')?.[1] ?? '');
      // Every finding row: Explain, Fix…, Accept risk, with the existing action ids.
      const rows = view.blocks.filter((b) => b.type === 'actions' && b.elements?.some((e) => e.action_id === 'awscheck_explain'));
      expect(rows).toHaveLength(findings.length);
      for (const row of rows) expect(row.elements?.map((e) => e.action_id)).toEqual(['awscheck_explain', 'awscheck_fix', 'awscheck_accept_risk']);
      expect(view.blocks.length).toBeLessThanOrEqual(BLOCK_KIT.maxViewBlocks);
      const next = elements(view.blocks).find((e) => e.action_id === RESULTS_ACTIONS.nextPage);
      if (!next) break;
      const updates = h.slack.callsTo('views.update').length;
      await postSigned(h.events, interactionBody(clickInModal(RESULTS_ACTIONS.nextPage, next.value ?? '', current)), FORM);
      const update = await h.slack.waitFor(() => h.slack.callsTo('views.update')[updates]);
      expect(update.params).toMatchObject({ view_id: current.id, hash: current.hash });
      view = update.params.view as View;
      current = { id: current.id, hash: `h${updates + 2}` };
    }
    expect(seen.size).toBe(500);
    expect(JSON.stringify(view)).toContain('Page 25 of 25 · 500 findings');
    // Previous goes back one page.
    const previous = elements(view.blocks).find((e) => e.action_id === RESULTS_ACTIONS.previousPage);
    const updates = h.slack.callsTo('views.update').length;
    await postSigned(h.events, interactionBody(clickInModal(RESULTS_ACTIONS.previousPage, previous?.value ?? '', current)), FORM);
    const back = await h.slack.waitFor(() => h.slack.callsTo('views.update')[updates]);
    expect(JSON.stringify(back.params.view)).toContain('Page 24 of 25');
  });

  it('shows findings only to people allowed to scan, whatever the button value says', async () => {
    const h = await start(['U0ALICE']);
    const blocks = await scan(h);
    const showAll = elements(blocks).find((e) => e.action_id === RESULTS_ACTIONS.showAll);
    await postSigned(h.events, interactionBody(buttonClick(RESULTS_ACTIONS.showAll, showAll?.value ?? '', { userId: 'U0MALLORY' })), FORM);
    const opened = await h.slack.waitFor(() => h.slack.callsTo('views.open')[0]);
    expect(JSON.stringify(opened.params.view)).toContain('AWSCHECK_SCANNERS');
    expect(JSON.stringify(opened.params.view)).not.toContain('snap-');
    // A page click from the same outsider, even with a valid value, shows nothing either.
    await postSigned(h.events, interactionBody(clickInModal(RESULTS_ACTIONS.nextPage, (showAll?.value ?? '').replace(/\|0$/, '|3'), { id: 'V1', hash: 'h1' }, 'U0MALLORY')), FORM);
    const update = await h.slack.waitFor(() => h.slack.callsTo('views.update')[0]);
    expect(JSON.stringify(update.params.view)).not.toContain('snap-');
    // A made-up set id finds nothing.
    await postSigned(h.events, interactionBody(buttonClick(RESULTS_ACTIONS.showAll, 'BBBBBBBBBBBBBBBBBBBBBB|ec2.public-snapshot|0')), FORM);
    const second = await h.slack.waitFor(() => h.slack.callsTo('views.open')[1]);
    expect(JSON.stringify(second.params.view)).toContain('no longer kept');
  });

  it('groups App Home the same way, and its Show all opens the same pages (one stored set per scan)', async () => {
    const h = await start();
    await scan(h);
    const home = async (n: number) => {
      await postSigned(h.events, eventBody({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0U0ALICE', tab: 'home', event_ts: `1700000000.${n}` }), JSON_TYPE);
      return (await h.slack.waitFor(() => h.slack.callsTo('views.publish')[n - 1])).params.view as View;
    };
    const first = await home(1);
    const text = JSON.stringify(first);
    for (let i = 0; i < 10; i += 1) expect(text).toContain(`ec2.other-${i}`);
    const showAll = elements(first.blocks).find((e) => e.action_id === RESULTS_ACTIONS.showAll && e.value?.includes('public-snapshot'));
    expect(JSON.stringify(showAll)).toContain('Show all (500)');
    // Opening the tab again reuses the stored set rather than storing the scan again.
    expect(JSON.stringify(await home(2))).toContain(showAll?.value ?? 'missing');
    await postSigned(h.events, interactionBody(buttonClick(RESULTS_ACTIONS.showAll, showAll?.value ?? '')), FORM);
    const opened = await h.slack.waitFor(() => h.slack.callsTo('views.open')[0]);
    expect(JSON.stringify(opened.params.view)).toContain('Page 1 of 25 · 500 findings');
  });

  it('keeps `/awscheck CHECK-ID` listing that check\'s findings one by one, each with its Fix…, and Show all for the rest', async () => {
    const h = await start();
    const one = await scan(h, 'ec2.other-3', 'one');
    expect(elements(one).filter((e) => e.action_id === 'awscheck_fix').map((e) => e.value)).toEqual(['fix-sg-other-3']);
    expect(JSON.stringify(one)).not.toContain('ec2.other-4');

    const big = await scan(h, 'ec2.public-snapshot', 'big');
    const size = measureBlocks(big);
    expect(size.blocks).toBeLessThanOrEqual(BLOCK_KIT.maxMessageBlocks);
    expect(size.totalText).toBeLessThanOrEqual(BLOCK_KIT.maxMessageText);
    const fixes = elements(big).filter((e) => e.action_id === 'awscheck_fix');
    expect(fixes.length).toBeGreaterThan(10);
    expect(fixes[0]?.value).toBe('fix-snap-0000');
    expect(elements(big).find((e) => e.action_id === RESULTS_ACTIONS.showAll)?.value).toContain('|ec2.public-snapshot|0');
    expect(JSON.stringify(big)).toContain('of 500 findings');
  });

  it('lets another feature add a group button (the slot for "Fix all"), computed before rendering with the set id', async () => {
    const seen: string[] = [];
    const h = await start([], (group, setId) => {
      seen.push(group.checkId);
      return group.findings.length > 1 ? [button(`Fix all (${group.findings.length})…`, 'awscheck_fix_all_test', `${setId}|${group.checkId}`)] : [];
    });
    const blocks = await scan(h);
    expect(seen).toHaveLength(11);
    const row = blocks.find((b) => b.type === 'actions' && JSON.stringify(b).includes('awscheck_fix_all_test'));
    expect(row?.elements?.map((e) => e.action_id)).toEqual([RESULTS_ACTIONS.showAll, 'awscheck_explain', 'awscheck_fix_all_test']);
    const showAll = row?.elements?.[0]?.value ?? '';
    expect(row?.elements?.[2]?.value).toBe(showAll.replace(/\|0$/, ''));
  });

  it('pushes Explain on top of the findings modal instead of opening a new one', async () => {
    const h = await start();
    await postSigned(h.events, interactionBody(clickInModal('awscheck_explain', 'ec2.public-snapshot', { id: 'V9', hash: 'h9' })), FORM);
    const pushed = await h.slack.waitFor(() => h.slack.callsTo('views.push')[0]);
    expect(JSON.stringify(pushed.params.view)).toContain('Open SSH invites brute force.');
    expect(h.slack.callsTo('views.open')).toHaveLength(0);
  });
});
