// A CollectContext over a real session (clients mocked by aws-sdk-client-mock), memoising ctx.get like the engine.
import type { AnyCollector, CollectContext } from '../../../src/engine/types.ts';
import { baseCollectContext } from '../../helpers/collect-context.ts';

export const ACCOUNT = '123456789012';

export interface TestContext extends CollectContext {
  progressed: [number, number, string][];
  dispose(): void;
}

export function collectContext(regions: readonly string[] = []): TestContext {
  const memo = new Map<string, Promise<unknown>>();
  const ctx: TestContext = {
    ...baseCollectContext(ACCOUNT, { regions }),
    get<T>(collector: AnyCollector): Promise<T> {
      let pending = memo.get(collector.id);
      if (!pending) memo.set(collector.id, (pending = collector.collect(ctx)));
      return pending as Promise<T>;
    },
    progressed: [],
    progress: (done, total, unit) => ctx.progressed.push([done, total, unit]),
    dispose: () => ctx.session.destroy(),
  };
  return ctx;
}
