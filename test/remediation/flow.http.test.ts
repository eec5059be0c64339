// The approval-gated fix flow through signed HTTP requests into Bolt: Fix… → preview → approval request →
// approve → one AWS write → outcome; undo through the same gate; refusals, races, expiry and crashes.
import { DeleteAccessKeyCommand, GetAccessKeyLastUsedCommand, ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { REMEDIATION_ACTIONS, REMEDIATION_VIEWS } from '../../src/slack/ids.ts';
import { startRemediationHousekeeping } from '../../src/slack/remediation/housekeeping.ts';
import { FIELDS } from '../../src/slack/render/remediation-modals.ts';
import { mockAws, sentCommands } from '../fixes/helpers.ts';
import { type FakeEc2, fakeSecurityGroups, rule } from '../fixes/ec2/fake-security-groups.ts';
import { FORM, buttonClick, interactionBody, postSigned } from '../helpers/slack-signing.ts';
import {
  ALICE,
  APPROVAL_CHANNEL,
  BOB,
  CAROL,
  findingCheck,
  type Harness,
  KEY_FINDING,
  MALLORY,
  SSH_FINDING,
  buttonValue,
  startHarness,
  useHarnesses,
} from './harness.ts';

const aws = mockAws();
const SSH_WORLD = rule('sgr-ssh', { FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', Description: 'admin access' });
const HTTPS_WORLD = rule('sgr-https', { FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0', Description: 'web' });
const SSH_OFFICE = rule('sgr-office', { FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.0/24', Description: 'office' });

useHarnesses(aws);

function webGroup(): FakeEc2 {
  return fakeSecurityGroups(aws, [SSH_WORLD, HTTPS_WORLD, SSH_OFFICE], { interfaces: [{ instanceId: 'i-online' }], online: ['i-online'] });
}

/** Real (not dry-run) revokes: the AWS writes that count. */
const revokes = () => sentCommands(aws, 'RevokeSecurityGroupIngressCommand').filter((input) => !input.DryRun);
const authorizes = () => sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand').filter((input) => !input.DryRun);

async function sshHarness(options: Parameters<typeof startHarness>[0]['config'] = {}, usergroups?: Record<string, string[]>): Promise<Harness> {
  return startHarness({ checks: [findingCheck('ec2.sg-admin-port-ipv4', () => [SSH_FINDING])], config: options, ...(usergroups ? { usergroups } : {}) });
}

/** Scans, clicks Fix… on the SSH finding and submits the modal: the request now waits for approval. */
async function requestSshFix(t: Harness, cidr = ''): Promise<string> {
  const results = await t.command('');
  const snapshot = buttonValue(results, REMEDIATION_ACTIONS.fix);
  expect(snapshot).toMatch(/^[A-Za-z0-9_-]{22}$/);
  await t.click(REMEDIATION_ACTIONS.fix, snapshot!, ALICE);
  const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { callback_id: string; private_metadata: string };
  expect(modal.callback_id).toBe(REMEDIATION_VIEWS.fixInputs);
  const answer = await t.submit(
    REMEDIATION_VIEWS.fixInputs,
    modal.private_metadata,
    { [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { type: 'plain_text_input', value: cidr } } },
    ALICE,
  );
  expect(answer).toBe('');
  const request = t.approvals().at(-1);
  const id = buttonValue(request, REMEDIATION_ACTIONS.approveFix);
  expect(id).toBeDefined();
  return id!;
}

const text = (value: unknown) => JSON.stringify(value);

describe('fixing a world-open SSH rule from Slack', () => {
  it('asks, gets approved by a second person, revokes only that rule, and undoes it; the audit trail has all of it', async () => {
    const t = await sshHarness();
    const ec2 = webGroup();
    const results = await t.command('');
    expect(buttonValue(results, 'awscheck_explain')).toBe('ec2.sg-admin-port-ipv4');
    expect(buttonValue(results, REMEDIATION_ACTIONS.acceptRisk)).toBe(buttonValue(results, REMEDIATION_ACTIONS.fix));

    const id = await requestSshFix(t);
    const posted = text(t.approvals().at(-1));
    expect(posted).toContain('Fix approval request');
    expect(posted).toContain('Revoke rule sgr-ssh of sg-0abc (web)');
    expect(posted).toContain('i-online: online in Session Manager');
    expect(posted).toContain('<@U0ALICE>');
    expect(text(t.dms(ALICE).at(-1))).toContain(`waiting for an approver in <#${APPROVAL_CHANNEL}>`);
    // The preview dry-ran the revoke; nothing was written yet.
    expect(revokes()).toEqual([]);

    await t.click(REMEDIATION_ACTIONS.approveFix, id, BOB);
    expect(revokes()).toEqual([{ GroupId: 'sg-0abc', SecurityGroupRuleIds: ['sgr-ssh'] }]);
    expect(ec2.rules.map((r) => r.SecurityGroupRuleId)).toEqual(['sgr-https', 'sgr-office']);
    const applied = text(t.lastUpdate());
    expect(applied).toContain('*Applied* after approval by <@U0BOB>');
    expect(applied).toContain('aws ssm start-session --target i-online --region eu-west-1');
    expect(applied).toContain(REMEDIATION_ACTIONS.undo);
    expect(t.lastUpdate()).toMatchObject({ channel: APPROVAL_CHANNEL, ts: '1700000000.000200' });
    const told = t.dms(ALICE).at(-1);
    expect(text(told)).toContain('Revoked rule sgr-ssh');
    expect(buttonValue(told, REMEDIATION_ACTIONS.undo)).toBe(id);

    await t.click(REMEDIATION_ACTIONS.undo, id, ALICE);
    expect(text(t.lastUpdate())).toContain('*asks to undo*');
    expect(authorizes()).toEqual([]);
    await t.click(REMEDIATION_ACTIONS.approveUndo, id, CAROL);
    expect(authorizes()).toEqual([
      {
        GroupId: 'sg-0abc',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'admin access' }] }],
      },
    ]);
    expect(text(t.lastUpdate())).toContain('*Undone* after approval by <@U0CAROL>');
    expect((await t.onlyRequest()).state).toBe('undone');

    const trail = await t.remediation.audit.events();
    expect(trail.map((e) => [e.event, e.actor])).toEqual([
      ['fix.requested', ALICE],
      ['fix.approved', BOB],
      ['fix.applied', 'awscheck'],
      ['fix.undo-requested', ALICE],
      ['fix.undo-approved', CAROL],
      ['fix.undone', 'awscheck'],
    ]);
    const appliedEvent = trail[2]!;
    expect(appliedEvent.detail.before).toMatchObject({ ruleId: 'sgr-ssh', cidrIpv4: '0.0.0.0/0', fromPort: 22 });
    expect(appliedEvent.detail.after).toEqual({ revokedRuleId: 'sgr-ssh' });
    expect(appliedEvent.detail.requestIds).toEqual(['req-revoke-ingress-sgr-ssh']);
    expect(trail[0]!.detail.preview?.lines[0]).toContain('Revoke rule sgr-ssh');

    const audit = text(await t.command('audit 3'));
    expect(audit).toContain('fix undone');
    expect(audit).toContain('undo approved');
    expect(audit).not.toContain('fix requested');
  });

  it('does not let the requester approve their own request', async () => {
    const t = await sshHarness({ approvers: [ALICE, BOB] });
    webGroup();
    const id = await requestSshFix(t);
    await t.click(REMEDIATION_ACTIONS.approveFix, id, ALICE, 'self');
    expect(text(t.slack.responsesTo('self').at(-1)?.body)).toContain('someone else must approve it');
    expect(t.slack.responsesTo('self').at(-1)?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(revokes()).toEqual([]);
    expect((await t.onlyRequest()).state).toBe('requested');
    expect((await t.remediation.audit.events()).at(-1)).toMatchObject({ event: 'fix.refused', actor: ALICE, detail: { reason: 'own-request' } });
  });

  it('lets the requester approve when AWSCHECK_ALLOW_SELF_APPROVAL=true and they are an approver', async () => {
    const t = await sshHarness({ approvers: [ALICE], allowSelfApproval: true });
    webGroup();
    const id = await requestSshFix(t);
    await t.click(REMEDIATION_ACTIONS.approveFix, id, ALICE);
    expect(revokes()).toHaveLength(1);
    expect((await t.onlyRequest()).state).toBe('applied');
  });

  it('refuses a non-approver and changes nothing', async () => {
    const t = await sshHarness();
    webGroup();
    const id = await requestSshFix(t);
    await t.click(REMEDIATION_ACTIONS.approveFix, id, MALLORY, 'mallory');
    expect(text(t.slack.responsesTo('mallory').at(-1)?.body)).toContain('Only approvers (AWSCHECK_APPROVERS)');
    await t.click(REMEDIATION_ACTIONS.rejectFix, id, MALLORY, 'mallory-reject');
    expect(text(t.slack.responsesTo('mallory-reject').at(-1)?.body)).toContain('Only approvers');
    expect(t.slack.callsTo('views.open').filter((c) => text(c.params).includes(REMEDIATION_VIEWS.reject))).toEqual([]);
    expect(revokes()).toEqual([]);
    expect((await t.onlyRequest()).state).toBe('requested');
  });

  it('accepts a member of an approver user group (usergroups.users.list)', async () => {
    const t = await sshHarness({ approvers: [BOB, 'S0SEC'] }, { S0SEC: ['U0DAVE'] });
    webGroup();
    const id = await requestSshFix(t);
    await t.click(REMEDIATION_ACTIONS.approveFix, id, 'U0DAVE');
    expect(t.slack.callsTo('usergroups.users.list').map((c) => c.params.usergroup)).toContain('S0SEC');
    expect(revokes()).toHaveLength(1);
    expect((await t.onlyRequest()).approval?.by).toBe('U0DAVE');
  });

  it('makes exactly one AWS write when two approvers click together and one of them twice', async () => {
    // Group approvers: each click waits on usergroups.users.list after reading the request, so all three
    // read it as `requested` before any claims it; only the conditional update can stop two applies.
    const t = await sshHarness({ approvers: ['S0SEC'] }, { S0SEC: [BOB, CAROL] });
    webGroup();
    const id = await requestSshFix(t);
    const send = (user: string, responseId: string) =>
      postSigned(t.events, interactionBody(buttonClick(REMEDIATION_ACTIONS.approveFix, id, { userId: user, responseUrl: t.slack.responseUrl(responseId) })), FORM);
    const answers = await Promise.all([send(BOB, 'bob1'), send(CAROL, 'carol'), send(BOB, 'bob2')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await t.bot.idle();
    expect(revokes()).toHaveLength(1);
    const losers = ['bob1', 'carol', 'bob2'].filter((r) => text(t.slack.responsesTo(r)).includes('no longer waiting for that decision'));
    expect(losers).toHaveLength(2);
    const trail = await t.remediation.audit.events();
    expect(trail.filter((e) => e.event === 'fix.approved')).toHaveLength(1);
    expect(trail.filter((e) => e.event === 'fix.applied')).toHaveLength(1);
  });

  it('does nothing for an expired request, and says so', async () => {
    const t = await sshHarness();
    webGroup();
    const id = await requestSshFix(t);
    t.clock.advance(24 * 3_600_000 + 1);
    await t.click(REMEDIATION_ACTIONS.approveFix, id, BOB, 'late');
    expect(text(t.slack.responsesTo('late').at(-1)?.body)).toContain('This request has expired, so nothing was done');
    expect(revokes()).toEqual([]);
    expect((await t.onlyRequest()).state).toBe('expired');
    expect(text(t.lastUpdate())).toContain('*Expired* before anyone approved it');
    expect(text(t.lastUpdate())).not.toContain(REMEDIATION_ACTIONS.approveFix);
  });

  it('writes nothing when the rule was removed meanwhile, and says so honestly', async () => {
    const t = await sshHarness();
    const ec2 = webGroup();
    const id = await requestSshFix(t);
    ec2.rules = ec2.rules.filter((r) => r.SecurityGroupRuleId !== 'sgr-ssh');
    await t.click(REMEDIATION_ACTIONS.approveFix, id, BOB);
    expect(revokes()).toEqual([]);
    expect((await t.onlyRequest()).state).toBe('unchanged');
    const update = text(t.lastUpdate());
    expect(update).toContain('*Nothing was changed*');
    expect(update).toContain('Rule sgr-ssh is no longer in sg-0abc (web): it was already removed.');
    expect(update).not.toContain(REMEDIATION_ACTIONS.undo);
    expect((await t.remediation.audit.events()).at(-1)).toMatchObject({ event: 'fix.unchanged' });
  });

  it('keeps a narrower source when one is entered, and rejects the whole internet in the modal', async () => {
    const t = await sshHarness();
    const ec2 = webGroup();
    const results = await t.command('');
    await t.click(REMEDIATION_ACTIONS.fix, buttonValue(results, REMEDIATION_ACTIONS.fix)!, ALICE);
    const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { private_metadata: string };
    const refused = await t.submit(
      REMEDIATION_VIEWS.fixInputs,
      modal.private_metadata,
      { [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { type: 'plain_text_input', value: '0.0.0.0/0' } } },
      ALICE,
    );
    expect(JSON.parse(refused)).toMatchObject({ response_action: 'errors', errors: { [FIELDS.replacementCidr]: expect.stringContaining('whole internet') } });
    expect(t.approvals()).toEqual([]);

    const id = await requestSshFix(t, '198.51.100.0/24');
    expect(text(t.approvals().at(-1))).toContain('198.51.100.0/24');
    await t.click(REMEDIATION_ACTIONS.approveFix, id, BOB);
    expect(ec2.rules.some((r) => r.CidrIpv4 === '198.51.100.0/24' && r.FromPort === 22)).toBe(true);
    expect(ec2.rules.some((r) => r.SecurityGroupRuleId === 'sgr-ssh')).toBe(false);
  });

  it('rejects with a reason from the modal and tells the requester', async () => {
    const t = await sshHarness();
    webGroup();
    const id = await requestSshFix(t);
    await t.click(REMEDIATION_ACTIONS.rejectFix, id, BOB);
    const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe(REMEDIATION_VIEWS.reject);
    await t.submit(
      REMEDIATION_VIEWS.reject,
      modal.private_metadata,
      { [FIELDS.rejectReason]: { [FIELDS.rejectReason]: { type: 'plain_text_input', value: 'bastion <!here> first' } } },
      BOB,
    );
    expect((await t.onlyRequest()).state).toBe('rejected');
    expect(text(t.lastUpdate())).toContain('*Rejected* by <@U0BOB>: bastion &lt;!here&gt; first');
    expect(text(t.dms(ALICE).at(-1))).toContain('Rejected');
    expect(revokes()).toEqual([]);
  });
});

describe('modal texts over the limit', () => {
  it('refuses a rejection reason over the limit server-side: nothing is stored, the modal says why', async () => {
    const t = await sshHarness();
    webGroup();
    const id = await requestSshFix(t);
    await t.click(REMEDIATION_ACTIONS.rejectFix, id, BOB);
    const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { private_metadata: string };
    const answer = await t.submit(
      REMEDIATION_VIEWS.reject,
      modal.private_metadata,
      { [FIELDS.rejectReason]: { [FIELDS.rejectReason]: { type: 'plain_text_input', value: 'x'.repeat(6000) } } },
      BOB,
    );
    expect(JSON.parse(answer)).toMatchObject({ response_action: 'errors', errors: { [FIELDS.rejectReason]: 'Keep this under 1000 characters.' } });
    const stored = await t.onlyRequest();
    expect(stored.state).toBe('requested');
    expect(stored.rejection).toBeUndefined();
    expect((await t.remediation.audit.events()).map((e) => e.event)).toEqual(['fix.requested']);
    // The domain refuses it too, whoever calls it.
    await expect(t.remediation.fixes.reject(id, BOB, 'fix', 'x'.repeat(1001))).rejects.toThrow(RangeError);
    await expect(t.remediation.risks.reject('any', BOB, 'x'.repeat(1001))).rejects.toThrow(RangeError);
  });

  it('refuses a fix input over the limit server-side, before any preview is read', async () => {
    const t = await sshHarness();
    webGroup();
    const results = await t.command('');
    await t.click(REMEDIATION_ACTIONS.fix, buttonValue(results, REMEDIATION_ACTIONS.fix)!, ALICE);
    const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { private_metadata: string };
    const answer = await t.submit(
      REMEDIATION_VIEWS.fixInputs,
      modal.private_metadata,
      { [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { type: 'plain_text_input', value: `198.51.100.0/24${' '.repeat(10)}${'9'.repeat(6000)}` } } },
      ALICE,
    );
    expect(JSON.parse(answer)).toMatchObject({ response_action: 'errors', errors: { [FIELDS.replacementCidr]: 'Keep this under 64 characters.' } });
    expect(t.approvals()).toEqual([]);
    expect(await t.remediation.audit.events()).toEqual([]);
  });
});

describe('with remediation turned off', () => {
  it('leaves old buttons doing nothing, and says so', async () => {
    const t = await sshHarness();
    webGroup();
    const id = await requestSshFix(t);
    const results = await t.command('');
    // What a restart with AWSCHECK_REMEDIATION=off does to the feature.
    t.remediation.config.enabled = false;
    await t.click(REMEDIATION_ACTIONS.approveFix, id, BOB, 'off1');
    await t.click(REMEDIATION_ACTIONS.fix, buttonValue(results, REMEDIATION_ACTIONS.fix)!, ALICE, 'off2');
    await t.click(REMEDIATION_ACTIONS.acceptRisk, buttonValue(results, REMEDIATION_ACTIONS.acceptRisk)!, ALICE, 'off3');
    for (const id of ['off1', 'off2', 'off3']) expect(text(t.slack.responsesTo(id))).toContain('Remediation is turned off');
    expect(revokes()).toEqual([]);
    expect((await t.onlyRequest()).state).toBe('requested');
  });
});

describe('deactivating an access key', () => {
  it('deactivates the key (never deletes it) after approval, and undo makes it Active again', async () => {
    const t = await startHarness({ checks: [findingCheck('iam.access-key-rotation', () => [KEY_FINDING], 'medium')] });
    const key = { UserName: 'alice', AccessKeyId: 'AKIAOLDKEY0000000001', Status: 'Active', CreateDate: new Date('2025-10-01T09:00:00Z') };
    aws.iam.on(ListAccessKeysCommand).callsFake(async () => ({ AccessKeyMetadata: [{ ...key }], IsTruncated: false }));
    aws.iam.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    aws.iam.on(UpdateAccessKeyCommand).callsFake(async (input: { Status: string }) => {
      key.Status = input.Status;
      return { $metadata: { requestId: `req-${input.Status}` } };
    });

    const results = await t.command('');
    // No inputs for this fix: the click goes straight to the preview and the approval request.
    await t.click(REMEDIATION_ACTIONS.fix, buttonValue(results, REMEDIATION_ACTIONS.fix)!, ALICE);
    expect(t.slack.callsTo('views.open')).toEqual([]);
    const id = buttonValue(t.approvals().at(-1), REMEDIATION_ACTIONS.approveFix)!;
    expect(text(t.approvals().at(-1))).toContain('Deactivate access key AKIAOLDKEY0000000001 of user alice');

    await t.click(REMEDIATION_ACTIONS.approveFix, id, BOB);
    expect(sentCommands(aws, 'UpdateAccessKeyCommand')).toEqual([{ UserName: 'alice', AccessKeyId: 'AKIAOLDKEY0000000001', Status: 'Inactive' }]);
    expect(key.Status).toBe('Inactive');
    expect(aws.iam.commandCalls(DeleteAccessKeyCommand)).toHaveLength(0);
    const request = await t.onlyRequest();
    expect(request.result?.requestIds).toEqual(['req-Inactive']);

    await t.click(REMEDIATION_ACTIONS.undo, id, ALICE);
    await t.click(REMEDIATION_ACTIONS.approveUndo, id, BOB);
    expect(key.Status).toBe('Active');
    expect(aws.iam.commandCalls(DeleteAccessKeyCommand)).toHaveLength(0);
    expect((await t.onlyRequest()).undoResult?.requestIds).toEqual(['req-Active']);
  });
});

describe('forged button values', () => {
  it('grant nothing: identity and authority come from the signed payload only', async () => {
    const t = await sshHarness();
    webGroup();
    const id = await requestSshFix(t);
    // A value that names another user (an approver) and the request: not an id awscheck knows.
    await t.click(REMEDIATION_ACTIONS.approveFix, JSON.stringify({ id, user: BOB, approver: BOB }), MALLORY, 'forged');
    expect(text(t.slack.responsesTo('forged').at(-1)?.body)).toContain('does not know that request');
    // The real id from someone who is not an approver: refused, whoever the value claims.
    await t.click(REMEDIATION_ACTIONS.approveFix, id, MALLORY, 'forged2');
    expect(text(t.slack.responsesTo('forged2').at(-1)?.body)).toContain('Only approvers');
    // A request id where a finding snapshot id belongs, and a made-up snapshot id.
    await t.click(REMEDIATION_ACTIONS.fix, id, MALLORY, 'forged3');
    expect(text(t.slack.responsesTo('forged3').at(-1)?.body)).toContain('does not know that finding');
    await t.click(REMEDIATION_ACTIONS.fix, 'AAAAAAAAAAAAAAAAAAAAAA', MALLORY, 'forged4');
    expect(text(t.slack.responsesTo('forged4').at(-1)?.body)).toContain('does not know that finding');
    // A reject modal submitted by a non-approver with metadata naming the request.
    await t.submit(REMEDIATION_VIEWS.reject, JSON.stringify({ kind: 'fix', id }), {}, MALLORY);
    // An undo approval for a request that is not waiting for one.
    await t.click(REMEDIATION_ACTIONS.approveUndo, id, BOB, 'forged5');
    expect(text(t.slack.responsesTo('forged5').at(-1)?.body)).toContain('no longer waiting for that decision');

    expect(revokes()).toEqual([]);
    expect((await t.onlyRequest()).state).toBe('requested');
    expect((await t.remediation.audit.events()).filter((e) => e.event === 'fix.refused').map((e) => e.actor)).toEqual([MALLORY, MALLORY]);
  });
});

/** What a process that died mid-apply leaves: the request claimed and applying, under its (60 s) lease. */
async function crashedWhileApplying(t: Harness, id: string, journal?: unknown): Promise<void> {
  const store = t.store.remediation;
  const at = t.clock.now().toISOString();
  const lease = { owner: 'dead-process', expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString() };
  expect((await store.transitionRequest({ id, from: 'requested', to: 'approved', changes: { approval: { by: BOB, at } }, lease: { take: lease } })).outcome).toBe('won');
  expect((await store.transitionRequest({ id, from: 'approved', to: 'applying', changes: {}, lease: { holder: 'dead-process', now: at } })).outcome).toBe('won');
  // What the fix recorded before its first write, when it got that far.
  if (journal !== undefined) {
    expect((await store.transitionRequest({ id, from: 'applying', to: 'applying', changes: { journal }, lease: { holder: 'dead-process', now: at } })).outcome).toBe('won');
  }
}

describe('after a crash', () => {
  it('settles a request left in `applying` by reading AWS, never by applying again', async () => {
    const t = await sshHarness();
    const ec2 = webGroup();
    const id = await requestSshFix(t);
    // The crash: claimed and marked applying, the revoke reached AWS, the process died before recording it.
    await crashedWhileApplying(t, id, { requestIds: [] });
    ec2.rules = ec2.rules.filter((r) => r.SecurityGroupRuleId !== 'sgr-ssh');
    const writesBefore = revokes().length + authorizes().length;

    // While the dead process's lease runs, nobody settles the request.
    expect((await t.remediation.sweeper.sweep()).requests).toEqual([]);
    t.clock.advance(61_000);
    const report = await t.remediation.sweeper.sweep();
    expect(report.requests.map((r) => r.state)).toEqual(['applied']);
    const settled = await t.onlyRequest();
    expect(settled.state).toBe('applied');
    expect(settled.note).toContain('AWS shows it applied');
    // The preview's reading is kept as the before-state, so it can still be undone.
    expect(settled.result?.before).toMatchObject({ ruleId: 'sgr-ssh' });
    expect(revokes().length + authorizes().length).toBe(writesBefore);
    expect((await t.remediation.audit.events()).at(-1)).toMatchObject({ event: 'fix.reconciled', actor: 'awscheck', detail: { note: 'applying → applied' } });
  });

  it('marks a request whose write never reached AWS failed, with a note, and does not retry it', async () => {
    const t = await sshHarness();
    webGroup();
    const id = await requestSshFix(t);
    await crashedWhileApplying(t, id);
    t.clock.advance(61_000);

    // What the bot does at start-up: sweep, then tell Slack.
    const stop = await startRemediationHousekeeping(t.bot.app.client, { ...t.bot.deps, remediation: t.remediation }, t.bot.app.logger, 3_600_000);
    stop();
    const settled = await t.onlyRequest();
    expect(settled.state).toBe('failed');
    expect(settled.error).toContain('AWS shows no change, so it was not applied and was not retried');
    expect(revokes()).toEqual([]);
    expect(text(t.lastUpdate())).toContain('*Failed*');
    expect(text(t.dms(ALICE).at(-1))).toContain('was not retried');
  });
});
