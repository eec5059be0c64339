// The scan: selection in, results out. Collectors run once per account (and region) and are shared by
// every check that needs them; a failed collector becomes ERROR results for exactly those checks.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { describeAwsError, isCredentialsError, isUnreachable } from '../aws/errors.ts';
import { type AwsSession, createSession, type SessionOptions } from '../aws/session.ts';
import type { AccountConfig, Settings } from '../config/schema.ts';
import { formatMessage, type Message, registerWords, sayIn } from '../i18n/message.ts';
import { type CallerIdentity, type ResolvedAccounts, resolveOrganization } from '../org/accounts.ts';
import { resolveRegions } from './regions.ts';
import { resultOf } from './result.ts';
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
  type ScanFocus,
  type ScanNote,
  type ScanProgress,
  type ScanAccount,
  type ScanReport,
  type ScanSelection,
  type ScanStart,
  type Service,
  type ResultDraft,
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
  /** Once the accounts are planned, before any runs: a store begins the scan here, so parts can follow. */
  onStart?: (start: ScanStart) => void | Promise<void>;
  /** Each account's finished part, as soon as it is done (a store or a writer can stream it). */
  onAccount?: (part: AccountReport) => void | Promise<void>;
  /** false: the returned report holds no results (they went to onAccount only), so memory stays flat. */
  keepResults?: boolean;
  /** Re-reads only what one change touched (alerts): the same collectors and checks, narrowed. */
  focus?: ScanFocus;
}

/** The scan could not run at all (no credentials, endpoint unreachable): the CLI's exit code 3. */
export class ScanUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScanUnavailableError';
  }
}

/** Runs `use` with a session of the caller's own credentials and whoever the SDK's credential chain says we are. */
async function withCaller<T>(settings: Settings, deps: ScanDeps, use: (session: AwsSession, caller: CallerIdentity) => Promise<T>): Promise<T> {
  const session = createSession({ id: '000000000000', name: 'default' }, 'scan', {
    settings,
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.instrument ? { instrument: deps.instrument } : {}),
  });
  try {
    let caller: CallerIdentity;
    try {
      const identity = await session.client(STSClient, settings.homeRegion).send(new GetCallerIdentityCommand({}));
      if (!identity.Account) throw new Error('GetCallerIdentity returned no account id');
      caller = { accountId: identity.Account, ...(identity.Arn ? { arn: identity.Arn } : {}) };
    } catch (err) {
      const hint = isCredentialsError(err)
        ? ' Set AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO, or an instance role).'
        : isUnreachable(err)
          ? ' Check network access to AWS, or AWS_ENDPOINT_URL.'
          : '';
      throw new ScanUnavailableError(`Cannot identify the AWS account: ${describeAwsError(err, settings.locale)}.${hint}`, { cause: err });
    }
    return await use(session, caller);
  } finally {
    session.destroy();
  }
}

/** The accounts a scan covers: discovered through Organizations, configured, or the caller's own. */
async function planAccounts(selection: ScanSelection, deps: ScanDeps): Promise<ResolvedAccounts & { verify: boolean }> {
  const { settings } = deps;
  if (settings.organization) {
    const resolved = await withCaller(settings, deps, (session, caller) => resolveOrganization(session, caller, settings));
    return { ...resolved, accounts: selectAccounts(resolved.accounts, selection.accounts), verify: true };
  }
  if (settings.accounts.length > 0) {
    return { accounts: selectAccounts(settings.accounts, selection.accounts), notes: [], errors: [], verify: true };
  }
  const caller = await withCaller(settings, deps, (_session, identity) => Promise.resolve(identity));
  return { accounts: [{ id: caller.accountId, name: caller.accountId }], notes: [], errors: [], verify: false };
}

/** What the engine itself says in results, in the words shared by all checks. */
const engineSays = sayIn('common');

function errorResult(check: AnyCheck, accountId: string, region: string, evidence: Message, settings: Settings): CheckResult {
  const global = region === GLOBAL_REGION;
  const draft: ResultDraft = {
    status: 'ERROR',
    region,
    resourceType: global ? 'account' : 'region',
    resourceId: global ? accountId : region,
    evidence,
    details: {},
  };
  const result = resultOf(check, accountId, draft, settings.locale);
  return { ...result, details: { reason: result.evidence } };
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
    private readonly focus?: ScanFocus,
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
      ...(this.focus?.resourceIds ? { focus: this.focus.resourceIds } : {}),
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

  /** An engine message in the scan's locale, for the report's errors (which are plain text). */
  say(message: Message): string {
    return formatMessage(this.deps.settings.locale, message);
  }

  /** Runs one check in one region (or globally); never throws. */
  async run(check: AnyCheck, region: string): Promise<void> {
    const accountId = this.account.id;
    let data: unknown[];
    try {
      data = await Promise.all(check.needs.map((c: AnyCollector) => this.collect(c, region)));
    } catch (err) {
      const reason = describeAwsError(err, this.deps.settings.locale);
      this.results.push(errorResult(check, accountId, region, engineSays('notEvaluated', { reason }), this.deps.settings));
      this.recordError(region, check, reason);
      return;
    }
    const { settings, clock } = this.deps;
    try {
      if (check.words) registerWords(check.id, check.words);
      const drafts = check.evaluate(data, {
        accountId,
        region,
        settings,
        clock,
        locale: settings.locale,
        say: sayIn(check.id),
      });
      // Worded in the same try: words missing for a message are a defect of this check, so ERROR too.
      const results = drafts.map((draft) => resultOf(check, accountId, draft, settings.locale));
      for (const result of results) this.results.push(result);
    } catch (err) {
      // An unexpected shape in AWS's answer: unknown, so ERROR, never PASS.
      const unexpected = engineSays('unexpectedData', { message: (err as Error).message });
      const reason = this.say(unexpected);
      this.results.push(errorResult(check, accountId, region, engineSays('notEvaluated', { reason: unexpected }), settings));
      this.recordError(region, check, reason);
    }
  }

  private recordError(region: string, check: AnyCheck, reason: string): void {
    const existing = this.errors.find((e) => e.region === region && e.reason === reason);
    if (existing) existing.checkIds?.push(check.id);
    else this.errors.push({ accountId: this.account.id, region, checkIds: [check.id], reason });
  }

  /** The whole account could not be reached: every selected check is ERROR for it. */
  failAll(checks: readonly AnyCheck[], evidence: Message): void {
    const reason = this.say(evidence);
    this.errors.push({ accountId: this.account.id, reason });
    for (const check of checks) {
      this.results.push(errorResult(check, this.account.id, GLOBAL_REGION, evidence, this.deps.settings));
    }
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
  focus?: ScanFocus,
): Promise<AccountScan> {
  const session = createSession(account, 'scan', {
    settings: deps.settings,
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.instrument ? { instrument: deps.instrument } : {}),
  });
  const scan = new AccountScan(account, session, deps, progress, signal, focus);
  try {
    try {
      if (verify) await verifyAccount(scan);
    } catch (err) {
      const reason = describeAwsError(err, deps.settings.locale);
      scan.failAll(checks, engineSays('accountUnreachable', { name: account.name, id: account.id, reason }));
      return scan;
    }
    const regional = checks.filter((c) => c.scope === 'regional');
    const global = checks.filter((c) => c.scope === 'global');
    if (focus?.region) {
      scan.regions = [focus.region];
    } else if (needsRegions(checks)) {
      try {
        const resolved = await resolveRegions(session, deps.settings, selection.regions);
        scan.regions = resolved.regions;
        for (const message of resolved.notes) scan.notes.push({ accountId: account.id, message });
      } catch (err) {
        scan.failAll(regional, engineSays('regionsUnlisted', { reason: describeAwsError(err, deps.settings.locale) }));
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

/** One account's part of a scan, handed to ScanOptions.onAccount as soon as the account is finished. */
export interface AccountReport {
  account: ScanAccount;
  regions: string[];
  /** Muted, narrowed to the selected regions and sorted, like the report's. */
  results: CheckResult[];
  errors: ScanError[];
  notes: ScanNote[];
}

/** Applies the region selection, the focus and accepted risks, and sorts: the same for a part as for the whole. */
function finishResults(results: CheckResult[], selection: ScanSelection, options: ScanOptions): CheckResult[] {
  // An explicit region selection narrows account-wide inventories (buckets) to those regions too.
  const regionFilter = selection.regions?.length ? new Set([...selection.regions, GLOBAL_REGION]) : undefined;
  const inRegion = regionFilter ? results.filter((r) => regionFilter.has(r.region)) : results;
  // A focused re-read keeps only what is about the named resources (and ERRORs, which say it could not read).
  const focusIds = options.focus?.resourceIds ? new Set(options.focus.resourceIds) : undefined;
  const kept = focusIds ? inRegion.filter((r) => r.status === 'ERROR' || focusIds.has(r.resourceId)) : inRegion;
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
  return kept.sort(compareResults);
}

/** Runs the selected checks over the selected accounts and regions. Throws only when nothing could run. */
export async function scan(selection: ScanSelection, deps: ScanDeps, options: ScanOptions = {}): Promise<ScanReport> {
  const clock = deps.clock ?? systemClock;
  const startedAt = clock.now().toISOString();
  const checks = selectChecks(deps.checks, selection);
  const plan = await planAccounts(selection, deps);
  const progress = new ProgressTracker(options.onProgress);
  const full = { ...deps, clock };
  const keep = options.keepResults ?? true;
  // A few accounts at a time, each with its own call limit: an organization's hundred accounts neither
  // open a hundred sessions at once nor hold a hundred accounts' inventories in memory.
  const accountLimit = pLimit(deps.settings.accountConcurrency);

  const regions = new Set<string>();
  const results: CheckResult[] = [];
  const errors: ScanError[] = [...plan.errors];
  const notes: ScanNote[] = [...plan.notes];
  const accounts = plan.accounts.map((a) => ({ accountId: a.id, name: a.name }));
  await options.onStart?.({ startedAt, selection, accounts, errors: plan.errors, notes: plan.notes });
  const parts = plan.accounts.map((account) =>
    accountLimit(async () => {
      const done = await scanAccount(account, checks, selection, full, progress, plan.verify, options.signal, options.focus);
      // Only the results leave the account scan; its inventories are garbage from here on.
      const part: AccountReport = {
        account: { accountId: account.id, name: account.name },
        regions: done.regions,
        results: finishResults(done.results, selection, options),
        errors: done.errors,
        notes: done.notes,
      };
      await options.onAccount?.(part);
      return part;
    }),
  );
  // A failing onAccount sink fails the scan once, not once per account still running.
  for (const pending of parts) pending.catch(() => undefined);
  for (const pending of parts) {
    const part = await pending;
    for (const region of part.regions) regions.add(region);
    if (keep) for (const result of part.results) results.push(result);
    for (const error of part.errors) errors.push(error);
    for (const note of part.notes) notes.push(note);
  }
  return {
    schema: 'awscheck.scan/v1',
    startedAt,
    finishedAt: clock.now().toISOString(),
    accounts,
    regions: [...regions].sort(),
    results: keep ? results.sort(compareResults) : results,
    errors,
    notes,
    selection,
  };
}
