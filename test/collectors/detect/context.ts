// A CollectContext for one detection collector, with a real session (clients are mocked per test).
import { defaultSettings } from '../../../src/config/schema.ts';
import type { CollectContext } from '../../../src/engine/types.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { baseCollectContext } from '../../helpers/collect-context.ts';
import { TEST_ACCOUNT } from '../../helpers/evaluate.ts';

export interface TestContext {
  ctx: CollectContext;
  notes: string[];
  destroy(): void;
}

export function collectContext(region: string, options: { locale?: Locale; regions?: string[] } = {}): TestContext {
  const notes: string[] = [];
  const ctx = baseCollectContext(TEST_ACCOUNT, {
    settings: defaultSettings({ locale: options.locale ?? 'en' }),
    region,
    regions: options.regions ?? [region],
    note: (message) => notes.push(message),
  });
  return { ctx, notes, destroy: () => ctx.session.destroy() };
}

/** What Node's resolver throws when a host does not exist (the SDK passes it through unchanged). */
export function dnsNotFound(hostname: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });
}

export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}
