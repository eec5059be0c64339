// What a scan actually looked at: which checks ran, for which accounts and regions, and which of those
// places failed (ERROR). The diff uses it to tell "absent because it is gone" from "absent because we
// did not look".
import { findingKey } from '../store/finding-key.ts';
import { type CheckResult, GLOBAL_REGION, type ScanReport } from '../engine/types.ts';

export class Coverage {
  private readonly checks = new Set<string>();
  private readonly accounts: Set<string>;
  private readonly regions: Set<string>;
  /** accountId, or undefined for "every account": the whole account could not be scanned. */
  private readonly failedAccounts = new Set<string | undefined>();
  /** `checkId␟accountId␟region`: one check in one place could not be evaluated. */
  private readonly failedPlaces = new Set<string>();
  /** Finding keys whose own result is ERROR. */
  private readonly unknownFindings = new Set<string>();

  constructor(report: ScanReport) {
    this.accounts = new Set(report.accounts.map((a) => a.accountId));
    this.regions = new Set(report.regions);
    for (const error of report.errors) {
      if (!error.checkIds?.length) {
        // A scan error without check ids covers the account (or, without an account, the scan).
        this.failedAccounts.add(error.accountId);
        continue;
      }
      for (const checkId of error.checkIds) {
        this.failedPlaces.add(place(checkId, error.accountId ?? '', error.region ?? GLOBAL_REGION));
      }
    }
    for (const r of report.results) {
      this.checks.add(r.checkId);
      if (r.status === 'ERROR') this.unknownFindings.add(findingKey(r));
    }
  }

  /** True when this result's place (check, account, region) was not evaluated, or the finding itself is ERROR. */
  isUnknown(r: CheckResult, key = findingKey(r)): boolean {
    return this.unknownFindings.has(key) || this.placeFailed(r);
  }

  /** True when a scan error covers this result's account, or its check in its region. */
  placeFailed(r: CheckResult): boolean {
    return (
      this.failedAccounts.has(undefined) ||
      this.failedAccounts.has(r.accountId) ||
      this.failedPlaces.has(place(r.checkId, r.accountId, r.region)) ||
      // An account-wide failure of a check (engine: region `global`) covers all its regions.
      this.failedPlaces.has(place(r.checkId, r.accountId, GLOBAL_REGION))
    );
  }

  /** True when the scan ran this check for this account and region (whether or not it succeeded there). */
  includes(r: CheckResult): boolean {
    return (
      this.checks.has(r.checkId) &&
      this.accounts.has(r.accountId) &&
      (r.region === GLOBAL_REGION || this.regions.has(r.region))
    );
  }

  /** Ran here and succeeded: an absent finding really is absent. */
  evaluated(r: CheckResult, key = findingKey(r)): boolean {
    return this.includes(r) && !this.isUnknown(r, key);
  }
}

function place(checkId: string, accountId: string, region: string): string {
  return `${checkId}\u241f${accountId}\u241f${region}`;
}
