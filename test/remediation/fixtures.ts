// The findings and records the remediation, alert and store tests share: the world-open SSH finding (and an
// old access key) as a check writes it and as a scan stores it, a store in memory, a request, a risk and an
// audit event as the services would write them. Light on purpose: replica processes import it too.
import { resultOf as engineResultOf } from '../../src/engine/result.ts';
import type { CheckResult, ResultDraft } from '../../src/engine/types.ts';
import { riskEvent } from '../../src/remediation/audit.ts';
import type { FixRequest, NewAuditEvent, RemediationStore, RiskAcceptance } from '../../src/remediation/store.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { testEvidence } from '../helpers/test-words.ts';

export const ACCOUNT = '111122223333';

/** The FAIL result ec2.sg-admin-port-ipv4 writes for a world-open SSH rule (see checks/ec2/lib/world-open-rules.ts). */
export const SSH_FINDING: ResultDraft = {
  status: 'FAIL',
  region: 'eu-west-1',
  resourceType: 'AWS::EC2::SecurityGroup',
  resourceId: 'sg-0abc',
  subResourceId: 'sgr-ssh',
  evidence: testEvidence('sg-0abc rule sgr-ssh allows tcp/22 from 0.0.0.0/0'),
  details: { groupId: 'sg-0abc', groupName: 'web', ruleId: 'sgr-ssh', ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' },
};

/** What iam.access-key-rotation writes for alice's first key. */
export const KEY_FINDING: ResultDraft = {
  status: 'FAIL',
  region: 'global',
  resourceType: 'AWS::IAM::User',
  resourceId: 'alice',
  resourceArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  subResourceId: 'access_key_1',
  evidence: testEvidence('alice access_key_1 is 419 days old'),
  details: { user: 'alice', slot: 'access_key_1' },
};

/** The finding as the scan would store it (what a snapshot holds). */
export function resultOf(checkId: string, draft: ResultDraft): CheckResult {
  return engineResultOf({ id: checkId, severity: 'critical' }, ACCOUNT, draft, 'en');
}

export function memoryStore(): SqliteStore {
  return openSqliteStore(':memory:');
}

/** SSH_FINDING as ec2.sg-admin-port-ipv4's scan stores it. */
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

/** An audit event about the fix request req-1 on FINDING; overrides name another subject, actor or detail. */
export function auditEvent(event: string, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    at: '2026-11-25T09:00:00.000Z',
    event,
    actor: 'U0ALICE',
    subject: 'fix',
    subjectId: 'req-1',
    checkId: FINDING.checkId,
    accountId: FINDING.accountId,
    region: FINDING.region,
    resourceId: FINDING.resourceId,
    fixId: 'ec2.revoke-world-open-rule',
    detail: {},
    ...overrides,
  };
}

/** Stores a risk as the service would: with its audit event. */
export function storeRisk(store: Pick<RemediationStore, 'createRisk'>, risk: RiskAcceptance): Promise<void> {
  const event = risk.state === 'requested' ? 'risk.requested' : 'risk.accepted';
  return store.createRisk(risk, riskEvent(risk, event, risk.decision?.by ?? risk.requestedBy, risk.updatedAt, { reason: risk.reason }));
}
