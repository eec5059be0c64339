// Wires the remediation feature from its parts: one store, one clock, one approval policy shared by the
// fix flow, the risk acceptances, the audit trail and the housekeeping. Slack-free: src/slack/ renders it.
import { ALL_FIXES, fixForFinding } from '../../checks/fixes.ts';
import type { SessionOptions } from '../aws/session.ts';
import type { Settings } from '../config/schema.ts';
import { type CheckResult, type Clock, systemClock } from '../engine/types.ts';
import { ApprovalPolicy } from './approvals.ts';
import { BatchService } from './batches.ts';
import { AuditLog } from './audit.ts';
import type { RemediationConfig } from './config.ts';
import { Sweeper } from './expiry.ts';
import type { AnyFix } from './fix.ts';
import { RiskService } from './risks.ts';
import { DEFAULT_LEASE, type LeaseSettings, processOwnerId, RemediationService } from './service.ts';
import { FindingSnapshots } from './snapshots.ts';
import type { RemediationStore } from './store.ts';

export interface RemediationOptions {
  store: RemediationStore;
  settings: Settings;
  config: RemediationConfig;
  /** Whether a user is an approver: listed, or in a listed user group (looked up in Slack, cached). */
  listed: (userId: string) => Promise<boolean>;
  clock?: Clock;
  /**
   * The fixes' implementations by id (all of them in production). Which fix serves a finding is always the
   * one its check names (checks/fixes.ts); a test swaps in a double under that fix's id.
   */
  fixes?: readonly AnyFix[];
  instrument?: SessionOptions['instrument'];
  sleep?: (ms: number) => Promise<void>;
  onError?: (err: unknown) => void;
  /** Lease length and renewal on in-flight work (tests shorten them); DEFAULT_LEASE otherwise. */
  lease?: LeaseSettings;
  /** This process run's lease owner id; processOwnerId() otherwise. */
  owner?: string;
  /** "Fix all" pacing: the pause between two writes (1 s by default) and how it waits (tests hold it). */
  batch?: { paceMs?: number; sleep?: (ms: number) => Promise<void> };
}

/** The default pause between two writes of one "Fix all" batch. */
export const DEFAULT_BATCH_PACE_MS = 1_000;

export interface Remediation {
  config: RemediationConfig;
  policy: ApprovalPolicy;
  fixes: RemediationService;
  /** "Fix all": one approval for many fix requests of one check. */
  batches: BatchService;
  risks: RiskService;
  audit: AuditLog;
  snapshots: FindingSnapshots;
  sweeper: Sweeper;
  /** The fix a "Fix…" button may offer for this finding. */
  fixFor(finding: CheckResult): AnyFix | undefined;
  fixById(id: string): AnyFix | undefined;
}

export function createRemediation(options: RemediationOptions): Remediation {
  const { store, settings, config } = options;
  const clock = options.clock ?? systemClock;
  const fixes = options.fixes ?? ALL_FIXES;
  const onError = options.onError ?? ((err: unknown) => console.error('awscheck: remediation:', err));
  const policy = new ApprovalPolicy({ approvers: config.approvers, allowSelfApproval: config.allowSelfApproval, listed: options.listed });
  const audit = new AuditLog(store);
  const fixById = (id: string) => fixes.find((f) => f.id === id);
  const fixFor = (finding: CheckResult): AnyFix | undefined => {
    const named = fixForFinding(finding)?.id;
    return named === undefined ? undefined : fixById(named);
  };
  const sessions = {
    settings,
    // The remediation role only from the validated configuration (AWSCHECK_REMEDIATION_ROLE_ARN).
    ...(config.remediationRoleArn ? { remediationRoleArn: config.remediationRoleArn } : {}),
    ...(options.instrument ? { instrument: options.instrument } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  const service = new RemediationService({
    store,
    audit,
    policy,
    fixFor,
    fixById,
    sessions,
    ttlMs: config.approvalTtlMs,
    clock,
    locale: settings.locale,
    owner: options.owner ?? processOwnerId(),
    lease: options.lease ?? DEFAULT_LEASE,
  });
  const risks = new RiskService({ store, audit, policy, clock, ttlMs: config.approvalTtlMs, selfAccept: config.riskSelfAccept });
  const sweeper = new Sweeper({
    store,
    fixes: service,
    risks,
    clock,
    reconcile: { store, audit, fixById, sessions, clock, locale: settings.locale },
  });
  const batches = new BatchService({
    store,
    fixes: service,
    clock,
    ttlMs: config.approvalTtlMs,
    paceMs: options.batch?.paceMs ?? DEFAULT_BATCH_PACE_MS,
    ...(options.batch?.sleep ? { sleep: options.batch.sleep } : {}),
    locale: settings.locale,
  });
  return {
    config,
    policy,
    fixes: service,
    batches,
    risks,
    audit,
    snapshots: new FindingSnapshots(store, clock, onError),
    sweeper,
    fixFor,
    fixById,
  };
}
