// Risk acceptances without Slack: who may accept, what the mute hook returns over time, and what the
// report learns about acceptances that expire soon or expired since the last report.
import { afterEach, describe, expect, it } from 'vitest';
import { ApprovalPolicy } from '../../src/remediation/approvals.ts';
import { AuditLog } from '../../src/remediation/audit.ts';
import { toExpiringRisk } from '../../src/report/model.ts';
import { expiredAcceptances, expiringAcceptances, RiskService, validateAcceptance } from '../../src/remediation/risks.ts';
import { FINDING, memoryStore, riskAcceptance, storeRisk } from './fixtures.ts';
import { TestClock } from './harness.ts';

const DAY = 86_400_000;
const stores: ReturnType<typeof memoryStore>[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function service(options: { selfAccept?: boolean; approvers?: string[]; allowSelfApproval?: boolean } = {}) {
  const store = memoryStore();
  stores.push(store);
  const clock = new TestClock();
  const approvers = options.approvers ?? ['U0BOB'];
  const policy = new ApprovalPolicy({ approvers, allowSelfApproval: options.allowSelfApproval ?? false, listed: async (id) => approvers.includes(id) });
  const risks = new RiskService({
    store: store.remediation,
    audit: new AuditLog(store.remediation),
    policy,
    clock,
    ttlMs: DAY,
    selfAccept: options.selfAccept ?? false,
  });
  return { store: store.remediation, clock, risks };
}

describe('accepting a risk', () => {
  it('validates the reason and the expiry again on the server', () => {
    expect(validateAcceptance({ reason: ' ok ', days: '' })).toEqual({ ok: true, value: { reason: 'ok', days: 90 } });
    expect(validateAcceptance({ reason: 'ok', days: '365' })).toMatchObject({ ok: true, value: { days: 365 } });
    expect(validateAcceptance({ reason: 'ok', days: '366' })).toMatchObject({ ok: false, errors: { days: { en: expect.stringContaining('1 to 365') } } });
    expect(validateAcceptance({ reason: 'ok', days: '1.5' })).toMatchObject({ ok: false });
    expect(validateAcceptance({ reason: 'x'.repeat(1001), days: 1 })).toMatchObject({ ok: false, errors: { reason: { ja: expect.stringContaining('1000') } } });
  });

  it('waits for an approver who is not the requester, then mutes until the expiry', async () => {
    const { risks, clock } = service({ approvers: ['U0ALICE', 'U0BOB'] });
    const requested = await risks.request(FINDING, 'U0ALICE', { reason: 'bastion', days: '2' });
    expect(requested.kind).toBe('requested');
    const id = requested.kind === 'requested' ? requested.risk.id : '';
    expect(risks.mute(FINDING)).toBeUndefined();
    expect(await risks.approve(id, 'U0ALICE')).toMatchObject({ kind: 'refused', refusal: 'own-request' });
    expect(await risks.approve(id, 'U0BOB')).toMatchObject({ kind: 'done', risk: { state: 'accepted' } });
    expect(risks.mute(FINDING)).toEqual({ reason: 'bastion', acceptedBy: 'U0BOB', expiresAt: new Date(clock.now().getTime() + 2 * DAY).toISOString() });
    // Another finding is not muted by it.
    expect(risks.mute({ ...FINDING, subResourceId: 'sgr-other' })).toBeUndefined();
    clock.advance(2 * DAY);
    expect(risks.mute(FINDING)).toBeUndefined();
  });

  it('lets a request lapse after the approval deadline', async () => {
    const { risks, clock } = service();
    const requested = await risks.request(FINDING, 'U0ALICE', { reason: 'bastion', days: 30 });
    clock.advance(DAY);
    const id = requested.kind === 'requested' ? requested.risk.id : '';
    expect(await risks.approve(id, 'U0BOB')).toMatchObject({ kind: 'expired', risk: { state: 'expired' } });
    expect(risks.mute(FINDING)).toBeUndefined();
    // A lapsed request does not block a new one.
    expect((await risks.request(FINDING, 'U0ALICE', { reason: 'bastion', days: 30 })).kind).toBe('requested');
  });

  it('does not accept the same finding twice while an acceptance is in force', async () => {
    const { risks } = service({ selfAccept: true });
    expect((await risks.request(FINDING, 'U0ALICE', { reason: 'a', days: 10 })).kind).toBe('accepted');
    expect((await risks.request(FINDING, 'U0CAROL', { reason: 'b', days: 10 })).kind).toBe('already');
  });

  it('lets only an approver revoke', async () => {
    const { risks } = service({ selfAccept: true });
    const accepted = await risks.request(FINDING, 'U0ALICE', { reason: 'a', days: 10 });
    const id = accepted.kind === 'accepted' ? accepted.risk.id : '';
    expect(await risks.revoke(id, 'U0ALICE')).toMatchObject({ kind: 'refused' });
    expect(risks.mute(FINDING)).toBeDefined();
    expect(await risks.revoke(id, 'U0BOB')).toMatchObject({ kind: 'done', risk: { state: 'revoked', revocation: { by: 'U0BOB' } } });
    expect(risks.mute(FINDING)).toBeUndefined();
    expect(await risks.revoke(id, 'U0BOB')).toMatchObject({ kind: 'not-waiting' });
  });
});

describe('accepted risks in the report', () => {
  it('lists acceptances ending within the window, and those that ended since the last report', async () => {
    const { store } = service();
    await storeRisk(store, riskAcceptance({ id: 'soon', expiresAt: '2026-11-28T00:00:00.000Z' }));
    await storeRisk(store, riskAcceptance({ id: 'later', expiresAt: '2027-01-01T00:00:00.000Z', findingKey: 'k2' }));
    await storeRisk(store, riskAcceptance({ id: 'ended', expiresAt: '2026-11-24T12:00:00.000Z', findingKey: 'k3' }));
    await storeRisk(store, riskAcceptance({ id: 'long-ago', expiresAt: '2026-11-01T00:00:00.000Z', findingKey: 'k4' }));
    await storeRisk(store, riskAcceptance({ id: 'revoked', state: 'revoked', expiresAt: '2026-11-24T13:00:00.000Z', findingKey: 'k5' }));
    const now = new Date('2026-11-25T00:00:00.000Z');
    expect((await expiringAcceptances(store, now, 7)).map((r) => r.expiresAt)).toEqual(['2026-11-28T00:00:00.000Z']);
    const expired = await expiredAcceptances(store, new Date('2026-11-24T00:00:00.000Z'), now);
    // Its own expiry ended it inside the window; 'revoked' was ended by a person, 'long-ago' before the last report.
    expect(expired.map((r) => r.id)).toEqual(['ended']);
    // As the report lists it: who accepted it (the approver), why, and until when.
    expect(expired.map(toExpiringRisk)).toEqual([
      expect.objectContaining({ checkId: 'ec2.sg-admin-port-ipv4', reason: 'bastion', acceptedBy: 'U0BOB', expiresAt: '2026-11-24T12:00:00.000Z' }),
    ]);
    // No report yet: the last day.
    expect(await expiredAcceptances(store, undefined, now)).toHaveLength(1);
  });
});
