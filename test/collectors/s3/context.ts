// A CollectContext over a real session (clients mocked by aws-sdk-client-mock), memoising ctx.get like the engine.
import { afterEach } from 'vitest';
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

/**
 * For a whole test file: each call is a new scan's context (its own memo), and after every test the contexts
 * it opened are closed and the client mocks reset.
 */
export function fileContexts(...mocks: { reset(): void }[]): (regions?: readonly string[]) => TestContext {
  const open: TestContext[] = [];
  afterEach(() => {
    for (const mock of mocks) mock.reset();
    for (const ctx of open.splice(0)) ctx.dispose();
  });
  return (regions) => {
    const ctx = collectContext(regions);
    open.push(ctx);
    return ctx;
  };
}

/** What S3 answers a call the caller's policy does not allow. */
export const accessDenied = () => Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
