// What a scan request asks for: services and check ids as words, account= and region= as options. Every
// problem comes back as a polite, localized sentence for the help message, never an exception.
import { type AccountConfig, isRegionName } from '../../src/config/schema.ts';
import { findAccount, isService } from '../../src/engine/selection.ts';
import type { AnyCheck, ScanSelection, Service } from '../../src/engine/types.ts';
import { type Locale, t } from '../../src/i18n/locale.ts';
import { MSG } from '../../src/slack/messages.ts';
import { escapeMrkdwn } from '../../src/slack/mrkdwn.ts';
import type { ParsedCommand } from './parse.ts';

export interface ScanRequest {
  selection: ScanSelection;
  public: boolean;
}

export type ScanRequestResult = { ok: true; request: ScanRequest } | { ok: false; problem: string };

const ACCOUNT_KEYS = new Set(['account', 'accounts']);
const REGION_KEYS = new Set(['region', 'regions']);

function configuredList(accounts: readonly AccountConfig[]): string {
  return accounts.map((a) => `${escapeMrkdwn(a.name)} (${a.id})`).join(', ');
}

export function toScanRequest(
  command: ParsedCommand,
  catalogue: readonly AnyCheck[],
  accounts: readonly AccountConfig[],
  locale: Locale,
): ScanRequestResult {
  const fail = (problem: string): ScanRequestResult => ({ ok: false, problem });
  const services: Service[] = [];
  const checks: string[] = [];
  const known = new Set(catalogue.map((c) => c.id));
  for (const word of command.words) {
    if (isService(word)) services.push(word);
    else if (known.has(word)) checks.push(word);
    else return fail(t(locale, MSG.unknownWord(word)));
  }

  const wantedAccounts: string[] = [];
  const regions: string[] = [];
  for (const option of command.options) {
    if (option.values.length === 0) return fail(t(locale, MSG.emptyOption(option.key)));
    if (ACCOUNT_KEYS.has(option.key)) wantedAccounts.push(...option.values);
    else if (REGION_KEYS.has(option.key)) regions.push(...option.values.map((r) => r.toLowerCase()));
    else return fail(t(locale, MSG.unknownOption(option.key)));
  }
  for (const region of regions) {
    if (!isRegionName(region)) return fail(t(locale, MSG.badRegion(region)));
  }
  if (wantedAccounts.length > 0 && accounts.length === 0) return fail(t(locale, MSG.noAccountsConfigured));
  for (const wanted of wantedAccounts) {
    if (!findAccount(accounts, wanted)) return fail(t(locale, MSG.unknownAccount(wanted, configuredList(accounts))));
  }

  const selection: ScanSelection = {};
  if (services.length && checks.length) {
    // `/awscheck s3 iam.root-mfa` means both; the engine would intersect a service and a check list.
    const fromServices = catalogue.filter((c) => services.includes(c.service)).map((c) => c.id);
    selection.checks = [...new Set([...fromServices, ...checks])];
  } else if (services.length) {
    selection.services = [...new Set(services)];
  } else if (checks.length) {
    selection.checks = [...new Set(checks)];
  }
  if (wantedAccounts.length) selection.accounts = [...new Set(wantedAccounts)];
  if (regions.length) selection.regions = [...new Set(regions)];
  return { ok: true, request: { selection, public: command.public } };
}
