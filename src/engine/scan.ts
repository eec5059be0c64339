// The scan: selection in, results out. Collectors run once per account (and region) and are shared by
// every check that needs them; a failed collector becomes ERROR results for exactly those checks.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describeAwsError, isCredentialsError, isUnreachable } from '../aws/errors.ts';
import { type AwsSession, createSession, type SessionOptions } from '../aws/session.ts';
import type { AccountConfig, Settings } from '../config/schema.ts';
import { type Localized, pick } from '../i18n/locale.ts';
import { ENGINE_TEXT } from './messages.ts';
import { resolveRegions } from './regions.ts';
import { ProgressTracker } from './progress.ts';
import { selectAccounts, selectChecks } from './selection.ts';
import { compareResults } from './sort.ts';
import {
  type AnyCheck,
  type AnyCollector,
  type CheckResult,
  type Clock,
  type CollectContext,
  GLOBAL_REGION,
  type ScanError,
  type ScanNote,
  type ScanProgress,
  type ScanReport,
  type ScanSelection,
  type Service,
  systemClock,
} from './types.ts';

export interface ScanDeps {
  settings: Settings;
  /** The check catalogue (the registry in production; a subset in tests). */
  checks: readonly AnyCheck[];
  clock?: Clock;
  env?: Record<string, string | undefined>;
  /** Passed to every AWS session (benchmarks and tests hook clients here). */
  instrument?: SessionOptions['instrument'];
}

export interface ScanOptions {
  onProgress?: (progress: ScanProgress) => void;
  /** Accepted risks: returns the mute for a FAIL result, or undefined. */
  mute?: (result: CheckResult) => CheckResult['muted'];
  signal?: AbortSignal;
}

/** The scan could not run at all (no credentials, endpoint unreachable): the CLI's exit code 3. */
export class ScanUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScanUnavailableError';
  }
}

/** The default account: whoever the SDK's credential chain says we are. */
async function callerAccount(settings: Settings, deps: ScanDeps): Promise<AccountConfig> {
  const session = createSession({ id: '000000000000', name: 'default' }, 'scan', {
    settings,
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.instrument ? { instrument: deps.instrument } : {}),
  });
  try {
    const identity = await session.client(STSClient, settings.homeRegion).send(new GetCallerIdentityCommand({}));
    if (!identity.Account) throw new Error('GetCallerIdentity returned no account id');
    return { id: identity.Account, name: identity.Account };
  } catch (err) {
    const hint = isCredentialsError(err)
      ? ' Set AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO, or an instance role).'
      : isUnreachable(err)
        ? ' Check network access to AWS, or AWS_ENDPOINT_URL.'
        : '';
    throw new ScanUnavailableError(`Cannot identify the AWS account: ${describeAwsError(err, settings.locale)}.${hint}`, { cause: err });
  } finally {
    session.destroy();
  }
}

function errorResult(check: AnyCheck, accountId: string, region: string, reason: string): CheckResult {
  const global = region === GLOBAL_REGION;
  return {
    checkId: check.id,
    status: 'ERROR',
    severity: check.severity,
    accountId,
    region,
    resourceType: global ? 'account' : 'region',
    resourceId: global ? accountId : region,
    evidence: reason,
    details: { reason },
  };
}

class AccountScan {
  private readonly memo = new Map<string, Promise<unknown>>();
  readonly results: CheckResult[] = [];
  readonly errors: ScanError[] = [];
  readonly notes: ScanNote[] = [];
  regions: string[] = [];

  constructor(
    readonly account: AccountConfig,
    readonly session: AwsSession,
    private readonly deps: ScanDeps & { clock: Clock },
    private readonly progress: ProgressTracker,
    private readonly signal?: AbortSignal,
  ) {}

  private context(collector: AnyCollector, region: string): CollectContext {
    return {
      session: this.session,
      accountId: this.account.id,
      region,
      regions: this.regions,
      settings: this.deps.settings,
      clock: this.deps.clock,
      get: (other) => this.collect(other, region),
      progress: (done, total, unit) => this.progress.set(this.account.id, collector.service, done, total, unit),
      note: (message) => this.notes.push({ accountId: this.account.id, ...(region !== GLOBAL_REGION ? { region } : {}), message }),
      ...(this.signal ? { signal: this.signal } : {}),
    };
  }

  /** Memoised per collector and region: every inventory is fetched once per scan. */
  collect<T>(collector: AnyCollector, region: string): Promise<T> {
    const where = collector.scope === 'global' ? GLOBAL_REGION : region;
    if (where === GLOBAL_REGION && collector.scope === 'regional') {
      return Promise.reject(new Error(`collector ${collector.id} is regional and needs a region`));
    }
    const key = `${collector.id}@${where}`;
    let pending = this.memo.get(key);
    if (!pending) {
      pending = collector.collect(this.context(collector, where));
      // Failures are reported by the checks that await this; avoid an unhandled rejection meanwhile.
      pending.catch(() => undefined);
      this.memo.set(key, pending);
    }
    return pending as Promise<T>;
  }

  say(message: Localized): string {
    return pick(message, this.deps.settings.locale);
  }

  /** Runs one check in one region (or globally); never throws. */
  async run(check: AnyCheck, region: string): Promise<void> {
    const accountId = this.account.id;
    let data: unknown[];
    try {
      data = await Promise.all(check.needs.map((c: AnyCollector) => this.collect(c, region)));
    } catch (err) {
      const reason = describeAwsError(err, this.deps.settings.locale);
      this.results.push(errorResult(check, accountId, region, this.say(ENGINE_TEXT.notEvaluated(reason))));
      this.recordError(region, check, reason);
      return;
    }
    const { settings, clock } = this.deps;
    try {
      const drafts = check.evaluate(data, {
        accountId,
        region,
        settings,
        clock,
        locale: settings.locale,
        text: (message) => pick(message, settings.locale),
      });
      for (const draft of drafts) {
        this.results.push({ ...draft, checkId: check.id, severity: draft.severity ?? check.severity, accountId });
      }
    } catch (err) {
      // An unexpected shape in AWS's answer: unknown, so ERROR, never PASS.
      const reason = this.say(ENGINE_TEXT.unexpectedData((err as Error).message));
      this.results.push(errorResult(check, accountId, region, this.say(ENGINE_TEXT.notEvaluated(reason))));
      this.recordError(region, check, reason);
    }
  }

  private recordError(region: string, check: AnyCheck, reason: string): void {
    const existing = this.errors.find((e) => e.region === region && e.reason === reason);
    if (existing) existing.checkIds?.push(check.id);
    else this.errors.push({ accountId: this.account.id, region, checkIds: [check.id], reason });
  }

  /** The whole account could not be reached: every selected check is ERROR for it. */
  failAll(checks: readonly AnyCheck[], reason: string): void {
    this.errors.push({ accountId: this.account.id, reason });
    for (const check of checks) this.results.push(errorResult(check, this.account.id, GLOBAL_REGION, reason));
  }
}

async function verifyAccount(scan: AccountScan): Promise<void> {
  // Proves the (assumed-role) credentials work before hundreds of calls fail one by one.
  const identity = await scan.session.client(STSClient, scan.session.homeRegion).send(new GetCallerIdentityCommand({}));
  if (identity.Account && identity.Account !== scan.account.id) {
    throw new Error(`credentials belong to account ${identity.Account}, not ${scan.account.id}; check roleArn`);
  }
}

function needsRegions(checks: readonly AnyCheck[]): boolean {
  const visit = (c: AnyCollector): boolean =>
    c.scope === 'regional' || c.usesRegions === true || (c.dependsOn ?? []).some(visit);
  return checks.some((check) => check.scope === 'regional' || check.needs.some(visit));
}

async function scanAccount(
  account: AccountConfig,
  checks: readonly AnyCheck[],
  selection: ScanSelection,
  deps: ScanDeps & { clock: Clock },
  progress: ProgressTracker,
  verify: boolean,
  signal?: AbortSignal,
): Promise<AccountScan> {
  const session = createSession(account, 'scan', {
    settings: deps.settings,
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.instrument ? { instrument: deps.instrument } : {}),
  });
  const scan = new AccountScan(account, session, deps, progress, signal);
  try {
    try {
      if (verify) await verifyAccount(scan);
    } catch (err) {
      scan.failAll(checks, scan.say(ENGINE_TEXT.accountUnreachable(account.name, account.id, describeAwsError(err, deps.settings.locale))));
      return scan;
    }
    const regional = checks.filter((c) => c.scope === 'regional');
    const global = checks.filter((c) => c.scope === 'global');
    if (needsRegions(checks)) {
      try {
        const resolved = await resolveRegions(session, deps.settings, selection.regions);
        scan.regions = resolved.regions;
        for (const message of resolved.notes) scan.notes.push({ accountId: account.id, message });
      } catch (err) {
        scan.failAll(regional, scan.say(ENGINE_TEXT.regionsUnlisted(describeAwsError(err, deps.settings.locale))));
        scan.regions = [];
      }
    }
    progress.planRegions(account.id, regional, scan.regions.length);
    progress.planGlobal(account.id, global);
    const work: Promise<void>[] = [];
    for (const check of global) {
      work.push(scan.run(check, GLOBAL_REGION).then(() => progress.globalCheckDone(account.id, check.service)));
    }
    const byService = new Map<Service, AnyCheck[]>();
    for (const check of regional) byService.set(check.service, [...(byService.get(check.service) ?? []), check]);
    for (const region of scan.regions) {
      for (const [service, serviceChecks] of byService) {
        work.push(
          Promise.all(serviceChecks.map((check) => scan.run(check, region))).then(() =>
            progress.regionDone(account.id, service),
          ),
        );
      }
    }
    await Promise.all(work);
    return scan;
  } finally {
    session.destroy();
  }
}

/** Runs the selected checks over the selected accounts and regions. Throws only when nothing could run. */
export async function scan(selection: ScanSelection, deps: ScanDeps, options: ScanOptions = {}): Promise<ScanReport> {
  const clock = deps.clock ?? systemClock;
  const startedAt = clock.now().toISOString();
  const checks = selectChecks(deps.checks, selection);
  const configured = deps.settings.accounts.length > 0;
  const accounts = configured ? selectAccounts(deps.settings.accounts, selection.accounts) : [await callerAccount(deps.settings, deps)];
  const progress = new ProgressTracker(options.onProgress);
  const full = { ...deps, clock };

  const scans = await Promise.all(
    accounts.map((account) => scanAccount(account, checks, selection, full, progress, configured, options.signal)),
  );

  const results = scans.flatMap((s) => s.results);
  // An explicit region selection narrows account-wide inventories (buckets) to those regions too.
  const regionFilter = selection.regions?.length ? new Set([...selection.regions, GLOBAL_REGION]) : undefined;
  const kept = regionFilter ? results.filter((r) => regionFilter.has(r.region)) : results;
  if (options.mute) {
    for (const result of kept) {
      if (result.status !== 'FAIL') continue;
      const muted = options.mute(result);
      if (muted) {
        result.status = 'MUTED';
        result.muted = muted;
      }
    }
  }
  kept.sort(compareResults);
  return {
    schema: 'awscheck.scan/v1',
    startedAt,
    finishedAt: clock.now().toISOString(),
    accounts: accounts.map((a) => ({ accountId: a.id, name: a.name })),
    regions: [...new Set(scans.flatMap((s) => s.regions))].sort(),
    results: kept,
    errors: scans.flatMap((s) => s.errors),
    notes: scans.flatMap((s) => s.notes),
    selection,
  };
}
