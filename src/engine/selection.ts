// Narrows the catalogue and the accounts to what was asked for; an unknown name is a usage error.
import type { AccountConfig } from '../config/schema.ts';
import { type AnyCheck, SERVICES, type ScanSelection, type Service } from './types.ts';

export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

export function isService(value: string): value is Service {
  return (SERVICES as readonly string[]).includes(value);
}

export function selectChecks(catalogue: readonly AnyCheck[], selection: ScanSelection): AnyCheck[] {
  for (const service of (selection.services ?? []) as readonly string[]) {
    if (!isService(service)) throw new SelectionError(`unknown service "${service}"; expected one of ${SERVICES.join(', ')}`);
  }
  const known = new Set(catalogue.map((c) => c.id));
  const unknown = (selection.checks ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new SelectionError(`unknown check id ${unknown.map((id) => `"${id}"`).join(', ')}; run \`awscheck checks\` for the list`);
  }
  const services = selection.services?.length ? new Set(selection.services) : undefined;
  const ids = selection.checks?.length ? new Set(selection.checks) : undefined;
  return catalogue.filter((c) => (!services || services.has(c.service)) && (!ids || ids.has(c.id)));
}

/** The configured account a person means: by its id, or by its name in any case (CLI and slash command). */
export function findAccount(accounts: readonly AccountConfig[], key: string): AccountConfig | undefined {
  return accounts.find((a) => a.id === key || a.name.toLowerCase() === key.toLowerCase());
}

export function selectAccounts(accounts: readonly AccountConfig[], wanted?: readonly string[]): AccountConfig[] {
  if (!wanted?.length) return [...accounts];
  return wanted.map((key) => {
    const found = findAccount(accounts, key);
    if (!found) {
      throw new SelectionError(
        `unknown account "${key}"; configured: ${accounts.map((a) => `${a.name} (${a.id})`).join(', ') || 'none'}`,
      );
    }
    return found;
  });
}
