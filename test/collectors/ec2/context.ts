// A CollectContext for calling one collector directly; AWS itself is mocked with aws-sdk-client-mock.
import { afterAll, afterEach } from 'vitest';
import type { CollectContext } from '../../../src/engine/types.ts';
import { baseCollectContext } from '../../helpers/collect-context.ts';

export const ACCOUNT = '111122223333';

export interface TestContext {
  ctx: CollectContext;
  progress: [number, number, string][];
  destroy(): void;
}

export function collectContext(region = 'ap-northeast-1'): TestContext {
  const progress: [number, number, string][] = [];
  const ctx = baseCollectContext(ACCOUNT, { region, regions: [region], progress: (done, total, unit) => progress.push([done, total, unit]) });
  return { ctx, progress, destroy: () => ctx.session.destroy() };
}

/** One context for a whole test file: the client mocks reset after each test, the session closed after the last. */
export function fileContext(...mocks: { reset(): void }[]): TestContext {
  const test = collectContext();
  afterEach(() => {
    for (const mock of mocks) mock.reset();
  });
  afterAll(() => test.destroy());
  return test;
}
