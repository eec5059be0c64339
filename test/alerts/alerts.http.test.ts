// Alerts end to end: a CloudTrail event on the fake SQS queue (JSON protocol over HTTP, queue URL naming
// AWS's host, AWS_ENDPOINT_URL_SQS pointing at the fake), the live security group re-read through the real
// collectors and check (EC2 mocked), the alert posted to the fake Slack, then signed button clicks: Fix… →
// approval by a second person → exactly one revoke. Duplicates, harmless changes, poison and mutes too.
import { DescribeRegionsCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import type { SecurityGroupRule } from '@aws-sdk/client-ec2';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sgAdminPortIpv4 } from '../../checks/ec2/sg-admin-port-ipv4/check.ts';
import { type Alerts, startAlerts } from '../../src/alerts/feature.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import { REMEDIATION_ACTIONS, REMEDIATION_VIEWS } from '../../src/slack/ids.ts';
import { FIELDS } from '../../src/slack/render/remediation-modals.ts';
import { type FakeEc2, fakeSecurityGroups, rule } from '../fixes/ec2/fake-security-groups.ts';
import { mockAws, sentCommands } from '../fixes/helpers.ts';
import { FakeSqs } from '../helpers/fake-sqs.ts';
import { ACCOUNT, ALICE, BOB, buttonValue, CAROL, type Harness, mockScanIdentity, resultOf, SSH_FINDING, startHarness } from '../remediation/harness.ts';
import { eventBody } from './fixtures.ts';

const aws = mockAws();
const ALERT_CHANNEL = 'C0ALERTS';
const QUEUE_URL = `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/awscheck-events`;
const SSH_WORLD = rule('sgr-ssh', { FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', Description: 'temp debug' });
const SSH_ONE_HOST = rule('sgr-one', { FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.7/32', Description: 'my laptop' });

let h: Harness | undefined;
let sqs: FakeSqs | undefined;
let alerts: Alerts | undefined;
let logged: string[] = [];

beforeEach(() => {
  aws.reset();
  mockScanIdentity();
  logged = [];
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAFAKEFORTESTS0001');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake-secret-for-tests');
});

afterEach(async () => {
  await alerts?.stop();
  await sqs?.stop();
  await h?.close();
  alerts = undefined;
  sqs = undefined;
  h = undefined;
  vi.unstubAllEnvs();
});

afterAll(() => aws.restore());

/** One group, sg-0abc (web), with these rules; DescribeSecurityGroups answers the collector's group-id filter. */
function webGroup(rules: SecurityGroupRule[]): FakeEc2 {
  const ec2 = fakeSecurityGroups(aws, rules, { interfaces: [{ instanceId: 'i-online' }], online: ['i-online'] });
  aws.ec2.on(DescribeSecurityGroupsCommand).callsFake(async (input: { Filters?: { Name?: string; Values?: string[] }[] }) => {
    const only = input.Filters?.find((f) => f.Name === 'group-id')?.Values;
    return { SecurityGroups: !only || only.includes('sg-0abc') ? [{ GroupId: 'sg-0abc', GroupName: 'web', VpcId: 'vpc-0aaa' }] : [] };
  });
  aws.ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' }] });
  return ec2;
}

async function start(options: { riskSelfAccept?: boolean; maxReceiveCount?: number; accounts?: { id: string; name: string }[] } = {}): Promise<Harness> {
  h = await startHarness({ checks: [sgAdminPortIpv4], config: { riskSelfAccept: options.riskSelfAccept ?? false } });
  sqs = new FakeSqs(options.maxReceiveCount !== undefined ? { maxReceiveCount: options.maxReceiveCount } : {});
  await sqs.start();
  const t = h;
  alerts = startAlerts({
    config: { queueUrl: QUEUE_URL, channel: ALERT_CHANNEL },
    settings: defaultSettings({ homeRegion: 'eu-west-1', ...(options.accounts ? { accounts: options.accounts } : {}) }),
    checks: [sgAdminPortIpv4],
    store: t.store.alerts,
    client: t.bot.app.client,
    logger: { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) },
    mute: (result) => t.remediation.risks.mute(result),
    scans: t.bot.scans,
    ...(t.bot.deps.findingActions ? { findingActions: t.bot.deps.findingActions } : {}),
    env: { AWS_ENDPOINT_URL_SQS: sqs.url },
    poller: { waitTimeSeconds: 1, extendEveryMs: 200, retryDelayMs: 50 },
  })!;
  return h;
}

const alertPosts = () => h!.slack.callsTo('chat.postMessage').filter((c) => c.params.channel === ALERT_CHANNEL).map((c) => c.params);
const alertUpdates = () => h!.slack.callsTo('chat.update').filter((c) => c.params.channel === ALERT_CHANNEL).map((c) => c.params);
const text = (value: unknown) => JSON.stringify(value);
const revokes = () => sentCommands(aws, 'RevokeSecurityGroupIngressCommand').filter((input) => !input.DryRun);

/** Waits until the fake queue is empty and nothing is in flight: every message was handled and deleted. */
async function drained(): Promise<void> {
  await h!.slack.waitFor(() => sqs!.pending === 0, 10_000);
  await h!.remediation.snapshots.flushed();
}

describe('alerts from the events queue', () => {
  it('posts one alert naming the group, the rule and who opened it; its Fix… closes exactly that rule after a second person approves', async () => {
    const t = await start();
    const ec2 = webGroup([SSH_WORLD, SSH_ONE_HOST]);
    sqs!.send(eventBody('AuthorizeSecurityGroupIngress'));
    const alert = await t.slack.waitFor(() => alertPosts()[0], 10_000);
    await drained();

    const shown = text(alert);
    expect(shown).toContain('sg-0abc / sgr-ssh');
    expect(shown).toContain('AuthorizeSecurityGroupIngress sg-0abc');
    expect(shown).toContain('arn:aws:sts::111122223333:assumed-role/Admin/bob@example.com');
    expect(shown).toContain('198.51.100.23');
    expect(shown).toContain('<!date^1795597200^');
    expect(shown).not.toContain('sgr-one');
    expect(buttonValue(alert, 'awscheck_explain')).toBe('ec2.sg-admin-port-ipv4');
    // The SQS client sent to the override, never to the queue URL's host; the message was deleted.
    expect(sqs!.requests.every((r) => r.host === new URL(sqs!.url).host)).toBe(true);
    expect(sqs!.calls('DeleteMessage')).toHaveLength(1);
    // The re-read asked EC2 for that group only.
    expect(sentCommands(aws, 'DescribeSecurityGroupsCommand')[0]).toMatchObject({ Filters: expect.arrayContaining([{ Name: 'group-id', Values: ['sg-0abc'] }]) });

    const snapshot = buttonValue(alert, REMEDIATION_ACTIONS.fix);
    expect(snapshot).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(buttonValue(alert, REMEDIATION_ACTIONS.acceptRisk)).toBe(snapshot);
    await t.click(REMEDIATION_ACTIONS.fix, snapshot!, ALICE);
    const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe(REMEDIATION_VIEWS.fixInputs);
    await t.submit(REMEDIATION_VIEWS.fixInputs, modal.private_metadata, { [FIELDS.replacementCidr]: { [FIELDS.replacementCidr]: { type: 'plain_text_input', value: '' } } }, ALICE);
    const id = buttonValue(t.approvals().at(-1), REMEDIATION_ACTIONS.approveFix);
    expect(id).toBeDefined();
    expect(revokes()).toEqual([]);

    // The requester cannot approve; a second person can, and only one write happens.
    await t.click(REMEDIATION_ACTIONS.approveFix, id!, ALICE, 'self');
    expect(revokes()).toEqual([]);
    await t.click(REMEDIATION_ACTIONS.approveFix, id!, BOB);
    await t.click(REMEDIATION_ACTIONS.approveFix, id!, BOB, 'again');
    expect(revokes()).toEqual([{ GroupId: 'sg-0abc', SecurityGroupRuleIds: ['sgr-ssh'] }]);
    expect(ec2.rules.map((r) => r.SecurityGroupRuleId)).toEqual(['sgr-one']);
    expect((await t.remediation.audit.events()).map((e) => e.event)).toEqual(
      expect.arrayContaining(['fix.requested', 'fix.approved', 'fix.applied']),
    );

    // A scan that finds the rule gone redraws the alert as resolved, without buttons.
    await t.command('');
    const update = await t.slack.waitFor(() => alertUpdates()[0], 5000);
    expect(text(update)).toContain('Resolved');
    expect(text(update)).toContain('A scan found it fixed');
    expect(buttonValue(update, REMEDIATION_ACTIONS.fix)).toBeUndefined();
    expect(await t.store.alerts.openAlerts()).toEqual([]);

    // Undo goes through the same gate: asked by one person, approved by another, the rule comes back once.
    await t.click(REMEDIATION_ACTIONS.undo, id!, ALICE);
    await t.click(REMEDIATION_ACTIONS.approveUndo, id!, CAROL);
    expect(sentCommands(aws, 'AuthorizeSecurityGroupIngressCommand').filter((input) => !input.DryRun)).toHaveLength(1);
    expect((await t.remediation.audit.events()).map((e) => e.event)).toEqual(expect.arrayContaining(['fix.undo-requested', 'fix.undo-approved', 'fix.undone']));
  });

  it('posts one alert for a duplicate event and for a second event about the same open finding', async () => {
    const t = await start();
    webGroup([SSH_WORLD]);
    const body = eventBody('AuthorizeSecurityGroupIngress');
    sqs!.send(body);
    sqs!.send(body);
    sqs!.send(eventBody('ModifySecurityGroupRules'));
    await t.slack.waitFor(() => alertPosts()[0], 10_000);
    await drained();
    expect(alertPosts()).toHaveLength(1);
    expect(sqs!.calls('DeleteMessage')).toHaveLength(3);
  });

  it('posts nothing for SSH opened to one /32 address', async () => {
    await start();
    webGroup([SSH_ONE_HOST]);
    sqs!.send(
      eventBody('AuthorizeSecurityGroupIngress', {
        requestParameters: { groupId: 'sg-0abc', ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '203.0.113.7/32' }] } }] } },
      }),
    );
    await drained();
    expect(sqs!.calls('DeleteMessage')).toHaveLength(1);
    expect(alertPosts()).toEqual([]);
    expect(sentCommands(aws, 'DescribeSecurityGroupRulesCommand')).toHaveLength(1);
  });

  it('logs a malformed body without its content, leaves it to the dead-letter queue, and still alerts on the next event', async () => {
    const t = await start({ maxReceiveCount: 3 });
    webGroup([SSH_WORLD]);
    sqs!.send('{"detail-type":"AWS API Call via CloudTrail","detail":{"secretValue":"hunter2"');
    sqs!.send(eventBody('AuthorizeSecurityGroupIngress'));
    await t.slack.waitFor(() => alertPosts()[0], 10_000);
    await t.slack.waitFor(() => sqs!.deadLetters.length === 1, 10_000);
    await drained();
    expect(alertPosts()).toHaveLength(1);
    const warnings = logged.filter((l) => l.includes('malformed'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toContain('body is not JSON');
    expect(logged.join('\n')).not.toContain('hunter2');
    expect(sqs!.deadLetters[0]!.receiveCount).toBe(3);
  });

  it('never alerts on a finding under an accepted risk', async () => {
    const t = await start({ riskSelfAccept: true });
    webGroup([SSH_WORLD]);
    const accepted = await t.remediation.risks.request(resultOf('ec2.sg-admin-port-ipv4', SSH_FINDING), ALICE, { reason: 'bastion, replaced next week', days: 7 });
    expect(accepted.kind).toBe('accepted');
    sqs!.send(eventBody('AuthorizeSecurityGroupIngress'));
    await drained();
    expect(sqs!.calls('DeleteMessage')).toHaveLength(1);
    expect(alertPosts()).toEqual([]);
  });

  it('ignores, with a warning, a change in an account awscheck is not configured for', async () => {
    await start({ accounts: [{ id: '444455556666', name: 'other' }] });
    webGroup([SSH_WORLD]);
    sqs!.send(eventBody('AuthorizeSecurityGroupIngress'));
    await drained();
    expect(alertPosts()).toEqual([]);
    expect(sentCommands(aws, 'DescribeSecurityGroupsCommand')).toEqual([]);
    expect(logged).toContainEqual(expect.stringContaining('ignoring AuthorizeSecurityGroupIngress in account 111122223333, which is not in the configured accounts'));
  });

  it('takes over a claim a crashed replica left without a message', async () => {
    const t = await start();
    webGroup([SSH_WORLD]);
    const finding = resultOf('ec2.sg-admin-port-ipv4', SSH_FINDING);
    const change = { eventId: 'old', eventName: 'AuthorizeSecurityGroupIngress', change: 'x', actor: 'y', time: '2020-01-01T00:00:00Z' };
    expect(await t.store.alerts.claimAlert({ id: 'crashed', findingKey: findingKey(finding), finding, eventId: 'old', change, channel: ALERT_CHANNEL, createdAt: '2020-01-01T00:00:00Z' })).toBeDefined();
    sqs!.send(eventBody('AuthorizeSecurityGroupIngress'));
    await t.slack.waitFor(() => alertPosts()[0], 10_000);
    await drained();
    expect((await t.store.alerts.openAlerts()).map((a) => [a.id === 'crashed', Boolean(a.messageTs)])).toEqual([[false, true]]);
  });

  it('leaves an alert open, not "resolved", once its finding is accepted as a risk', async () => {
    const t = await start({ riskSelfAccept: true });
    webGroup([SSH_WORLD]);
    sqs!.send(eventBody('AuthorizeSecurityGroupIngress'));
    await t.slack.waitFor(() => alertPosts()[0], 10_000);
    await drained();
    await t.remediation.risks.request(resultOf('ec2.sg-admin-port-ipv4', SSH_FINDING), ALICE, { reason: 'bastion', days: 7 });
    sqs!.send(eventBody('ModifySecurityGroupRules'));
    await drained();
    expect(alertUpdates()).toEqual([]);
    expect(alertPosts()).toHaveLength(1);
    expect(await t.store.alerts.openAlerts()).toHaveLength(1);
  });

  it('redraws the alert as resolved when a later event shows the rule gone', async () => {
    const t = await start();
    const ec2 = webGroup([SSH_WORLD]);
    sqs!.send(eventBody('AuthorizeSecurityGroupIngress'));
    const alert = await t.slack.waitFor(() => alertPosts()[0], 10_000);
    await drained();
    ec2.rules = [SSH_ONE_HOST];
    sqs!.send(eventBody('ModifySecurityGroupRules'));
    const update = await t.slack.waitFor(() => alertUpdates()[0], 10_000);
    expect(update.ts).toBe('1700000000.000200');
    expect(text(update)).toContain('A later change fixed it');
    expect(text(update)).toContain('sgr-ssh');
    expect(buttonValue(alert, REMEDIATION_ACTIONS.fix)).toBeDefined();
    await drained();
    // Opened again: a new alert, since the first one was resolved.
    ec2.rules = [SSH_WORLD];
    sqs!.send(eventBody('AuthorizeSecurityGroupIngress'));
    await t.slack.waitFor(() => alertPosts()[1], 10_000);
  });
});
