// Accepting a risk through Slack: the modal, the approver, MUTED in scans until the acceptance expires
// (the clock is injected), `/awscheck risks`, and revoking.
import { describe, expect, it } from 'vitest';
import { REMEDIATION_ACTIONS, REMEDIATION_VIEWS } from '../../src/slack/ids.ts';
import { FIELDS } from '../../src/slack/render/remediation-modals.ts';
import { ALICE, BOB, buttonValue, findingCheck, type Harness, MALLORY, SSH_FINDING, startHarness, useHarnesses } from './harness.ts';

useHarnesses();

const text = (value: unknown) => JSON.stringify(value);
const DAY = 86_400_000;

function riskValues(reason: string, days: string | null) {
  return {
    [FIELDS.reason]: { [FIELDS.reason]: { type: 'plain_text_input', value: reason } },
    [FIELDS.days]: { [FIELDS.days]: { type: 'number_input', value: days } },
  };
}

async function openRiskModal(t: Harness): Promise<string> {
  const results = await t.command('');
  await t.click(REMEDIATION_ACTIONS.acceptRisk, buttonValue(results, REMEDIATION_ACTIONS.acceptRisk)!, ALICE);
  const modal = t.slack.callsTo('views.open').at(-1)?.params.view as { callback_id: string; private_metadata: string };
  expect(modal.callback_id).toBe(REMEDIATION_VIEWS.acceptRisk);
  expect(text(modal)).toContain('"initial_value":"90"');
  return modal.private_metadata;
}

describe('accepting a risk', () => {
  it('needs an approver, then mutes the finding in scans until it expires, when it fails again', async () => {
    const t = await startHarness({ checks: [findingCheck('ec2.sg-admin-port-ipv4', () => [SSH_FINDING])] });
    const metadata = await openRiskModal(t);

    const missing = await t.submit(REMEDIATION_VIEWS.acceptRisk, metadata, riskValues('   ', '400'), ALICE);
    expect(JSON.parse(missing)).toEqual({
      response_action: 'errors',
      errors: { [FIELDS.reason]: 'Say why this risk is acceptable.', [FIELDS.days]: 'Enter a whole number of days from 1 to 365.' },
    });

    expect(await t.submit(REMEDIATION_VIEWS.acceptRisk, metadata, riskValues('Bastion host; replaced in Q1', '3'), ALICE)).toBe('');
    const request = t.approvals().at(-1);
    expect(text(request)).toContain('Risk acceptance request');
    expect(text(request)).toContain('Bastion host; replaced in Q1');
    const id = buttonValue(request, REMEDIATION_ACTIONS.approveRisk)!;

    // Not accepted yet: the scan still fails it.
    expect(text(await t.command(''))).toContain('sg-0abc rule sgr-ssh allows tcp/22');

    await t.click(REMEDIATION_ACTIONS.approveRisk, id, ALICE, 'own');
    expect(text(t.slack.responsesTo('own'))).toContain('Only approvers');
    await t.click(REMEDIATION_ACTIONS.approveRisk, id, BOB);
    expect(text(t.lastUpdate())).toContain('*Accepted* by <@U0BOB>');
    expect(text(t.dms(ALICE).at(-1))).toContain('Accepted');

    const muted = await t.command('');
    expect(text(muted)).toContain('1 accepted risks');
    expect(text(muted)).toContain('No failing findings');
    const scan = await t.bot.scans.run({});
    expect(scan.results[0]).toMatchObject({ status: 'MUTED', muted: { reason: 'Bastion host; replaced in Q1', acceptedBy: BOB } });

    const listed = await t.command('risks');
    expect(text(listed)).toContain('Accepted risks (1)');
    expect(text(listed)).toContain('Bastion host; replaced in Q1');

    t.clock.advance(3 * DAY + 1);
    const again = await t.command('');
    expect(text(again)).toContain('sg-0abc rule sgr-ssh allows tcp/22');
    expect(text(again)).not.toContain('accepted risks');
    expect(text(await t.command('risks'))).toContain('Accepted risks (0)');

    expect((await t.remediation.audit.events()).map((e) => [e.event, e.actor])).toEqual([
      ['risk.requested', ALICE],
      ['risk.refused', ALICE],
      ['risk.accepted', BOB],
    ]);
  });

  it('accepts at once with AWSCHECK_RISK_SELF_ACCEPT=true, and an approver can revoke it', async () => {
    const t = await startHarness({ checks: [findingCheck('ec2.sg-admin-port-ipv4', () => [SSH_FINDING])], config: { riskSelfAccept: true } });
    const metadata = await openRiskModal(t);
    await t.submit(REMEDIATION_VIEWS.acceptRisk, metadata, riskValues('Test account, torn down weekly', null), ALICE);
    expect(t.approvals()).toEqual([]);
    expect(text(t.dms(ALICE).at(-1))).toContain('Risk accepted until');
    const [risk] = await t.remediation.risks.active();
    expect(Date.parse(risk!.expiresAt) - t.clock.now().getTime()).toBe(90 * DAY);
    expect(text(await t.command(''))).toContain('No failing findings');

    const listed = await t.command('risks');
    const revokeId = buttonValue(listed, REMEDIATION_ACTIONS.revokeRisk)!;
    await t.click(REMEDIATION_ACTIONS.revokeRisk, revokeId, MALLORY, 'mallory');
    expect(text(t.slack.responsesTo('mallory'))).toContain('Only approvers');
    expect(await t.remediation.risks.active()).toHaveLength(1);

    await t.click(REMEDIATION_ACTIONS.revokeRisk, revokeId, BOB, 'bob');
    expect(text(t.slack.responsesTo('bob'))).toContain('Revoked');
    expect(await t.remediation.risks.active()).toEqual([]);
    expect(text(await t.command(''))).toContain('sg-0abc rule sgr-ssh allows tcp/22');
    expect((await t.remediation.audit.events()).map((e) => e.event)).toEqual(['risk.accepted', 'risk.refused', 'risk.revoked']);
  });
});
