// Records for the remediation unit tests: a store in memory, a clock, a request and a risk as the
// services would write them.
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import { riskEvent } from '../../src/remediation/audit.ts';
import type { FixRequest, RemediationStore, RiskAcceptance } from '../../src/remediation/store.ts';
import { resultOf, SSH_FINDING } from './harness.ts';

export function memoryStore(): SqliteStore {
  return openSqliteStore(':memory:');
}

export const FINDING = resultOf('ec2.sg-admin-port-ipv4', SSH_FINDING);

export function fixRequest(overrides: Partial<FixRequest> = {}): FixRequest {
  return {
    id: 'req-1',
    fixId: 'ec2.revoke-world-open-rule',
    finding: FINDING,
    findingKey: findingKey(FINDING),
    inputs: {},
    preview: { lines: ['Revoke rule sgr-ssh'], warnings: [], current: { ruleId: 'sgr-ssh' } },
    state: 'requested',
    requestedBy: 'U0ALICE',
    requestedAt: '2026-11-25T09:00:00.000Z',
    expiresAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-25T09:00:00.000Z',
    ...overrides,
  };
}

export function riskAcceptance(overrides: Partial<RiskAcceptance> = {}): RiskAcceptance {
  return {
    id: 'risk-1',
    findingKey: findingKey(FINDING),
    finding: FINDING,
    reason: 'bastion',
    state: 'accepted',
    requestedBy: 'U0ALICE',
    requestedAt: '2026-11-25T09:00:00.000Z',
    requestExpiresAt: '2026-11-26T09:00:00.000Z',
    expiresAt: '2026-12-01T09:00:00.000Z',
    decision: { by: 'U0BOB', at: '2026-11-25T09:05:00.000Z' },
    updatedAt: '2026-11-25T09:05:00.000Z',
    ...overrides,
  };
}

/** Stores a risk as the service would: with its audit event. */
export function storeRisk(store: Pick<RemediationStore, 'createRisk'>, risk: RiskAcceptance): Promise<void> {
  const event = risk.state === 'requested' ? 'risk.requested' : 'risk.accepted';
  return store.createRisk(risk, riskEvent(risk, event, risk.decision?.by ?? risk.requestedBy, risk.updatedAt, { reason: risk.reason }));
}
