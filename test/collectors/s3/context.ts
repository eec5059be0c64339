// A CollectContext over a real session (clients mocked by aws-sdk-client-mock), memoising ctx.get like the engine.
import { createSession } from '../../../src/aws/session.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import type { AnyCollector, CollectContext } from '../../../src/engine/types.ts';

export const ACCOUNT = '123456789012';

export interface TestContext extends CollectContext {
  progressed: [number, number, string][];
  dispose(): void;
}

export function collectContext(regions: readonly string[] = []): TestContext {
  const settings = defaultSettings();
  const session = createSession({ id: ACCOUNT, name: 'test' }, 'scan', { settings });
  const memo = new Map<string, Promise<unknown>>();
  const ctx: TestContext = {
    session,
    accountId: ACCOUNT,
    region: 'global',
    regions,
    settings,
    clock: { now: () => new Date('2026-11-25T00:00:00Z') },
    get<T>(collector: AnyCollector): Promise<T> {
      let pending = memo.get(collector.id);
      if (!pending) memo.set(collector.id, (pending = collector.collect(ctx)));
      return pending as Promise<T>;
    },
    progressed: [],
    progress: (done, total, unit) => ctx.progressed.push([done, total, unit]),
    note: () => undefined,
    dispose: () => session.destroy(),
  };
  return ctx;
}
