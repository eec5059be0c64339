// "Fix all (N)…" through signed HTTP requests into Bolt: the group button → one approval request naming
// each resource and its planned change → one approval → the fixes one at a time, each exactly once through
// the single-fix state machine, with progress, Stop, Undo all and a single Undo; refusals and double clicks.
import { describe, expect, it } from 'vitest';
import type { ResultDraft } from '../../src/engine/types.ts';
import { BATCH_ACTIONS, BATCH_VIEWS, RESULTS_ACTIONS } from '../../src/slack/ids.ts';
import { REMEDIATION_ACTIONS } from '../../src/slack/ids.ts';
import { FIELDS } from '../../src/slack/render/remediation-modals.ts';
import { fakeSecurityGroups, rule } from '../fixes/ec2/fake-security-groups.ts';
import { mockAws, sentCommands } from '../fixes/helpers.ts';
import { FORM, buttonClick, interactionBody, postSigned } from '../helpers/slack-signing.ts';
import { ALICE, APPROVAL_CHANNEL, BOB, CAROL, buttonValue, findingCheck, type Harness, SSH_FINDING, startHarness, useHarnesses } from './harness.ts';
import { testEvidence } from '../helpers/test-words.ts';

const aws = mockAws();
useHarnesses(aws);

const GROUPS = [
  { id: 'sg-0a1', name: 'web-1' },
  { id: 'sg-0a2', name: 'web-2' },
  { id: 'sg-0a3', name: 'web-3' },
];

/** One world-open SSH rule in each of three security groups, as ec2.sg-admin-port-ipv4 reports them. */
function sshDrafts(): ResultDraft[] {
  return GROUPS.map((g, i) => ({
    ...SSH_FINDING,
    resourceId: g.id,
    subResourceId: `sgr-ssh${i + 1}`,
    evidence: testEvidence(`${g.id} rule sgr-ssh${i + 1} allows tcp/22 from 0.0.0.0/0`),
    details: { ...SSH_FINDING.details, groupId: g.id, groupName: g.name, ruleId: `sgr-ssh${i + 1}` },
  }));
}

function world() {
  return fakeSecurityGroups(
    aws,
    GROUPS.map((g, i) => rule(`sgr-ssh${i + 1}`, { GroupId: g.id, FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', Description: 'admin' })),
    { groups: GROUPS },
  );
}

const revokes = () => sentCommands(aws, 'RevokeSecurityGroupIngressCommand').filter((input) => !input.DryRun);
const authorizes = () => sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand').filter((input) => !input.DryRun);
const text = (value: unknown) => JSON.stringify(value);

async function start(fixAll: NonNullable<Parameters<typeof startHarness>[0]['fixAll']> = {}, extra: ReturnType<typeof findingCheck>[] = [], config = {}): Promise<Harness> {
  return startHarness({ checks: [findingCheck('ec2.sg-admin-port-ipv4', sshDrafts), ...extra], fixAll, config });
}

/** Scans, clicks "Fix all (3)…" and submits its modal (no replacement): returns the batch id. */
async function requestFixAll(t: Harness): Promise<string> {
  const results = await t.command('');
  const value = buttonValue(results, BATCH_ACTIONS.fixAll);
  expect(value).toBeDefined();
  expect(text(results)).toContain('Fix all (3)…');
  await t.click(BATCH_ACTIONS.fixAll, value!, ALICE);
  const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { callback_id: string; private_metadata: string };
  expect(modal.callback_id).toBe(BATCH_VIEWS.inputs);
  const answer = await t.submit(
    BATCH_VIEWS.inputs,
    modal.private_metadata,
    { [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { type: 'plain_text_input', value: '' } } },
    ALICE,
  );
  expect(answer).toBe('');
  const id = buttonValue(t.approvals().at(-1), BATCH_ACTIONS.approve);
  expect(id).toBeDefined();
  return id!;
}

/** A click sent without waiting for the work it starts. */
async function clickNow(t: Harness, actionId: string, value: string, userId: string): Promise<void> {
  const answer = await postSigned(t.events, interactionBody(buttonClick(actionId, value, { userId, responseUrl: t.slack.responseUrl(`now-${actionId}-${userId}`) })), FORM);
  expect(answer.status).toBe(200);
  await answer.text();
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out waiting');
}

async function memberStates(t: Harness, batchId: string): Promise<string[]> {
  const batch = await t.remediation.batches.get(batchId);
  return (await t.remediation.batches.requests(batch!)).map((r) => r.state);
}

describe('Fix all (N)…', () => {
  it('asks once for three world-open rules, then revokes each exactly once after one approval, with progress and audit', async () => {
    const t = await start();
    const ec2 = world();
    const id = await requestFixAll(t);
    expect(t.approvals()).toHaveLength(1);
    const posted = text(t.approvals()[0]);
    for (const g of GROUPS) expect(posted).toContain(g.id);
    expect(posted).toContain('Revoke rule sgr-ssh1 of sg-0a1 (web-1)');
    expect(posted).toContain('Fix all: approval request');
    // The previews dry-ran the revokes; nothing was written yet.
    expect(sentCommands(aws, 'RevokeSecurityGroupIngressCommand').some((c) => c.DryRun === true)).toBe(true);
    expect(revokes()).toEqual([]);
    expect(text(t.dms(ALICE).at(-1))).toContain(`Asked for 3 fixes in one approval request in <#${APPROVAL_CHANNEL}>`);

    await t.click(BATCH_ACTIONS.approve, id, BOB);
    expect(revokes()).toEqual(GROUPS.map((g, i) => ({ GroupId: g.id, SecurityGroupRuleIds: [`sgr-ssh${i + 1}`] })));
    expect(ec2.rules).toEqual([]);
    const updates = t.slack.callsTo('chat.update').map((c) => text(c.params));
    expect(updates.some((u) => u.includes('1 of 3 applied'))).toBe(true);
    expect(updates.some((u) => u.includes('2 of 3 applied'))).toBe(true);
    const last = t.lastUpdate();
    expect(text(last)).toContain('finished');
    expect(buttonValue(last, BATCH_ACTIONS.undoAll)).toBe(id);
    expect(await memberStates(t, id)).toEqual(['applied', 'applied', 'applied']);

    const trail = await t.remediation.audit.events();
    expect(trail.filter((e) => e.event === 'fix.applied').map((e) => e.resourceId)).toEqual(GROUPS.map((g) => g.id));
    expect(trail.filter((e) => e.event === 'fix.approved').map((e) => e.actor)).toEqual([BOB, BOB, BOB]);
    expect(trail.filter((e) => e.subject === 'batch').map((e) => [e.event, e.actor])).toEqual([
      ['batch.requested', ALICE],
      ['batch.approved', BOB],
      ['batch.done', 'awscheck'],
    ]);
  });

  it('two approvers clicking Approve together still make exactly three writes', async () => {
    const t = await start();
    world();
    const id = await requestFixAll(t);
    await Promise.all([t.click(BATCH_ACTIONS.approve, id, BOB), t.click(BATCH_ACTIONS.approve, id, CAROL)]);
    expect(revokes()).toHaveLength(3);
    expect(new Set(revokes().map((r) => text(r))).size).toBe(3);
    const trail = await t.remediation.audit.events();
    expect(trail.filter((e) => e.event === 'batch.approved')).toHaveLength(1);
    expect(trail.filter((e) => e.event === 'fix.applied')).toHaveLength(3);
  });

  it('refuses self-approval and non-approvers, from the signed payload', async () => {
    // Alice is an approver too, but not of her own request.
    const t = await start({}, [], { approvers: [ALICE, BOB, CAROL] });
    world();
    const id = await requestFixAll(t);
    await t.click(BATCH_ACTIONS.approve, id, ALICE);
    await t.click(BATCH_ACTIONS.approve, id, 'U0MALLORY');
    expect(revokes()).toEqual([]);
    expect((await t.remediation.batches.get(id))?.state).toBe('requested');
    const refusals = (await t.remediation.audit.events()).filter((e) => e.event === 'batch.refused');
    expect(refusals.map((e) => [e.actor, e.detail.reason])).toEqual([
      [ALICE, 'own-request'],
      ['U0MALLORY', 'not-approver'],
    ]);
    // Saying no is open to the requester and approvers only; a withdrawal rejects every request of the batch.
    await t.click(BATCH_ACTIONS.reject, id, 'U0MALLORY');
    expect((await t.remediation.batches.get(id))?.state).toBe('requested');
    await t.click(BATCH_ACTIONS.reject, id, ALICE);
    expect((await t.remediation.batches.get(id))?.state).toBe('rejected');
    expect(await memberStates(t, id)).toEqual(['rejected', 'rejected', 'rejected']);
    await t.click(BATCH_ACTIONS.approve, id, BOB);
    expect(revokes()).toEqual([]);
  });

  it('an approval after the deadline changes nothing: the batch and its requests expire, audited', async () => {
    const t = await start();
    world();
    const id = await requestFixAll(t);
    t.clock.advance(25 * 3_600_000);
    await t.click(BATCH_ACTIONS.approve, id, BOB);
    expect(revokes()).toEqual([]);
    expect((await t.remediation.batches.get(id))?.state).toBe('expired');
    expect(await memberStates(t, id)).toEqual(['expired', 'expired', 'expired']);
    const trail = await t.remediation.audit.events();
    expect(trail.filter((e) => e.event === 'batch.expired')).toHaveLength(1);
    expect(trail.filter((e) => e.event === 'fix.expired')).toHaveLength(3);
  });

  it('Stop after the first write halts the rest: exactly one revoke, the others end not applied and audited', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let paused = false;
    const t = await start({
      paceMs: 1_000,
      sleep: async (ms) => {
        expect(ms).toBe(1_000);
        paused = true;
        await gate;
      },
    });
    world();
    const id = await requestFixAll(t);
    await clickNow(t, BATCH_ACTIONS.approve, id, BOB);
    await until(() => paused);
    expect(revokes()).toHaveLength(1);
    expect(text(t.lastUpdate())).toContain(BATCH_ACTIONS.stop);
    await clickNow(t, BATCH_ACTIONS.stop, id, CAROL);
    await until(async () => (await memberStates(t, id)).join() === 'applied,rejected,rejected');
    release();
    await t.bot.idle();
    expect(revokes()).toHaveLength(1);
    expect((await t.remediation.batches.get(id))?.state).toBe('stopped');
    const trail = await t.remediation.audit.events();
    expect(trail.filter((e) => e.event === 'batch.stopped').map((e) => e.actor)).toEqual([CAROL]);
    expect(trail.filter((e) => e.event === 'fix.rejected').map((e) => e.resourceId)).toEqual(['sg-0a2', 'sg-0a3']);
    expect(text(t.lastUpdate())).toContain('Stopped by <@U0CAROL>');
  });

  it('Undo all goes through the approval gate and restores all three; a single Undo works on its own', async () => {
    const t = await start();
    const ec2 = world();
    const id = await requestFixAll(t);
    await t.click(BATCH_ACTIONS.approve, id, BOB);
    expect(ec2.rules).toEqual([]);

    // One resource alone, first: its own Undo, approved on its own approval request.
    const batch = await t.remediation.batches.get(id);
    const [first] = await t.remediation.batches.requests(batch!);
    const select = buttonClick(BATCH_ACTIONS.undoOne, '', { userId: ALICE, responseUrl: t.slack.responseUrl('undo-one') });
    (select as { actions: unknown[] }).actions = [
      { type: 'static_select', action_id: BATCH_ACTIONS.undoOne, block_id: 'b1', selected_option: { text: { type: 'plain_text', text: 'x' }, value: first!.id }, action_ts: '1' },
    ];
    expect((await postSigned(t.events, interactionBody(select), FORM)).status).toBe(200);
    await t.bot.idle();
    const own = t.approvals().at(-1);
    expect(buttonValue(own, REMEDIATION_ACTIONS.approveUndo)).toBe(first!.id);
    await t.click(REMEDIATION_ACTIONS.approveUndo, first!.id, CAROL);
    expect(authorizes()).toHaveLength(1);
    expect(ec2.rules.map((r) => r.GroupId)).toEqual(['sg-0a1']);

    // Undo all: the other two, after one approval; the requester may not approve it.
    await t.click(BATCH_ACTIONS.undoAll, id, ALICE);
    expect((await t.remediation.batches.get(id))?.state).toBe('undo_requested');
    expect(authorizes()).toHaveLength(1);
    await t.click(BATCH_ACTIONS.approveUndo, id, ALICE);
    expect(authorizes()).toHaveLength(1);
    await t.click(BATCH_ACTIONS.approveUndo, id, BOB);
    expect(authorizes()).toHaveLength(3);
    expect(ec2.rules.map((r) => r.GroupId).sort()).toEqual(['sg-0a1', 'sg-0a2', 'sg-0a3']);
    expect(await memberStates(t, id)).toEqual(['undone', 'undone', 'undone']);
    const trail = await t.remediation.audit.events();
    expect(trail.filter((e) => e.subject === 'batch').map((e) => e.event)).toEqual([
      'batch.requested',
      'batch.approved',
      'batch.done',
      'batch.undo-requested',
      'batch.refused',
      'batch.undo-approved',
      'batch.undone',
    ]);
    expect(trail.filter((e) => e.event === 'fix.undone')).toHaveLength(3);
  });

  it('requests at most 50 resources at a time and says so; the rest can be requested after', async () => {
    const many = Array.from({ length: 52 }, (_, i) => ({ id: `sg-1${String(i).padStart(3, '0')}`, name: `web-${i}` }));
    const t = await startHarness({
      checks: [
        findingCheck('ec2.sg-admin-port-ipv4', () =>
          many.map((g, i) => ({ ...SSH_FINDING, resourceId: g.id, subResourceId: `sgr-m${i}`, details: { ...SSH_FINDING.details, groupId: g.id, groupName: g.name, ruleId: `sgr-m${i}` } })),
        ),
      ],
      fixAll: {},
    });
    fakeSecurityGroups(
      aws,
      many.map((g, i) => rule(`sgr-m${i}`, { GroupId: g.id, FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0' })),
      { groups: many },
    );
    const results = await t.command('');
    expect(text(results)).toContain('Fix all (52)…');
    await t.click(BATCH_ACTIONS.fixAll, buttonValue(results, BATCH_ACTIONS.fixAll)!, ALICE);
    const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { private_metadata: string };
    await t.submit(BATCH_VIEWS.inputs, modal.private_metadata, { [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { type: 'plain_text_input', value: '' } } }, ALICE);
    const id = buttonValue(t.approvals().at(-1), BATCH_ACTIONS.approve)!;
    expect((await t.remediation.batches.get(id))?.requestIds).toHaveLength(50);
    expect(text(t.approvals().at(-1))).toContain('covers 50 of 52 resources');
    await t.click(BATCH_ACTIONS.approve, id, BOB);
    expect(revokes()).toHaveLength(50);
    // The same button again: the 50 are fixed (skipped), the last two are requested.
    await t.click(BATCH_ACTIONS.fixAll, buttonValue(results, BATCH_ACTIONS.fixAll)!, ALICE);
    await t.submit(BATCH_VIEWS.inputs, modal.private_metadata, { [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { type: 'plain_text_input', value: '' } } }, ALICE);
    const second = buttonValue(t.approvals().at(-1), BATCH_ACTIONS.approve)!;
    expect(second).not.toBe(id);
    expect((await t.remediation.batches.get(second))?.requestIds).toHaveLength(2);
  });

  it('lists resources already fixed or with another open request as skipped, not requested', async () => {
    const t = await start();
    // sgr-ssh3 is gone from AWS already: its preview finds nothing to do.
    fakeSecurityGroups(
      aws,
      GROUPS.slice(0, 2).map((g, i) => rule(`sgr-ssh${i + 1}`, { GroupId: g.id, FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0' })),
      { groups: GROUPS },
    );
    const id = await requestFixAll(t);
    const posted = text(t.approvals().at(-1));
    expect(posted).toContain('Skipped, not requested (1)');
    expect(posted).toContain('already fixed');
    const batch = await t.remediation.batches.get(id);
    expect(batch?.requestIds).toHaveLength(2);
    // A second Fix all while the first is open: both remaining resources have an open request.
    const results = await t.command('');
    await t.click(BATCH_ACTIONS.fixAll, buttonValue(results, BATCH_ACTIONS.fixAll)!, ALICE);
    const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { private_metadata: string };
    await t.submit(BATCH_VIEWS.inputs, modal.private_metadata, { [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { type: 'plain_text_input', value: '' } } }, ALICE);
    expect(t.approvals()).toHaveLength(1);
    expect(text(t.dms(ALICE).at(-1))).toContain('another request for it is open');
  });

  it('on an account with hundreds of findings of one check, each SSH finding is one click from Fix… and Fix all closes the three rules', async () => {
    const snapshots = findingCheck(
      'ec2.ebs-snapshot-public',
      () =>
        Array.from({ length: 300 }, (_, i) => ({
          status: 'FAIL' as const,
          region: 'eu-west-1',
          resourceType: 'AWS::EC2::Snapshot',
          resourceId: `snap-${String(i).padStart(4, '0')}`,
          evidence: testEvidence(`snapshot ${i} is public`),
          details: { snapshotId: `snap-${String(i).padStart(4, '0')}` },
        })),
      'high',
    );
    const t = await start({}, [snapshots]);
    world();
    const results = await t.command('');
    // The SSH group is on the first screen with its Show all; every SSH finding's page has its own Fix….
    const show = buttonValue(results, RESULTS_ACTIONS.showAll);
    expect(show).toContain('ec2.sg-admin-port-ipv4');
    await t.click(RESULTS_ACTIONS.showAll, show!, ALICE);
    const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { blocks: unknown[] };
    const fixes = (modal.blocks as { elements?: { action_id?: string }[] }[]).flatMap((b) => b.elements ?? []).filter((e) => e.action_id === REMEDIATION_ACTIONS.fix);
    expect(fixes).toHaveLength(3);

    const id = await requestFixAll(t);
    await t.click(BATCH_ACTIONS.approve, id, BOB);
    expect(revokes()).toHaveLength(3);
    expect(t.approvals()).toHaveLength(1);
  });
});
