// A CollectContext for calling one collector directly; its AWS clients are mocked by the test.
import { createSession } from '../../../src/aws/session.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import { type CollectContext, GLOBAL_REGION } from '../../../src/engine/types.ts';

export function collectContext(overrides: Partial<CollectContext> = {}): CollectContext {
  const settings = defaultSettings();
  return {
    session: createSession({ id: '123456789012', name: 'test' }, 'scan', { settings }),
    accountId: '123456789012',
    region: GLOBAL_REGION,
    regions: [],
    settings,
    clock: { now: () => new Date('2026-11-25T00:00:00Z') },
    get: () => Promise.reject(new Error('this collector reads no other collector')),
    progress: () => undefined,
    note: () => undefined,
    ...overrides,
  };
}
