// A CollectContext for calling one collector directly; AWS itself is mocked with aws-sdk-client-mock.
import { createSession } from '../../../src/aws/session.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import type { CollectContext } from '../../../src/engine/types.ts';

export const ACCOUNT = '111122223333';

export interface TestContext {
  ctx: CollectContext;
  progress: [number, number, string][];
  destroy(): void;
}

export function collectContext(region = 'ap-northeast-1'): TestContext {
  const session = createSession({ id: ACCOUNT, name: 'test' }, 'scan', { settings: defaultSettings() });
  const progress: [number, number, string][] = [];
  return {
    ctx: {
      session,
      accountId: ACCOUNT,
      region,
      regions: [region],
      settings: defaultSettings(),
      clock: { now: () => new Date('2026-11-25T00:00:00Z') },
      get: () => Promise.reject(new Error('no other collector in this test')),
      progress: (done, total, unit) => progress.push([done, total, unit]),
      note: () => undefined,
    },
    progress,
    destroy: () => session.destroy(),
  };
}
