// A CollectContext over a real session (clients mocked by aws-sdk-client-mock), memoising ctx.get like the engine.
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
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
 * For a whole test file: the two S3 clients mocked, and `collectContext` for a new scan's context (its own
 * memo). After every test the mocks are reset and the contexts it opened are closed.
 */
export function fileContexts() {
  const s3 = mockClient(S3Client);
  const s3control = mockClient(S3ControlClient);
  const open: TestContext[] = [];
  afterEach(() => {
    s3.reset();
    s3control.reset();
    for (const ctx of open.splice(0)) ctx.dispose();
  });
  const newContext = (regions?: readonly string[]): TestContext => {
    const ctx = collectContext(regions);
    open.push(ctx);
    return ctx;
  };
  return { s3, s3control, collectContext: newContext };
}

/** What S3 answers a call the caller's policy does not allow. */
export const accessDenied = () => Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
