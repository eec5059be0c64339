// A CollectContext for calling collectors directly, over a real session whose AWS clients the tests mock.
// Each collector folder's context.ts starts from it and keeps what its tests watch (progress, notes, get).
import { createSession } from '../../src/aws/session.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { type CollectContext, GLOBAL_REGION } from '../../src/engine/types.ts';
import { TEST_NOW } from './evaluate.ts';

/** Quiet defaults: global region, default settings, no progress or notes kept, no other collector to read. */
export function baseCollectContext(accountId: string, fields: Partial<CollectContext> = {}): CollectContext {
  const settings = fields.settings ?? defaultSettings();
  return {
    session: createSession({ id: accountId, name: 'test' }, 'scan', { settings }),
    accountId,
    region: GLOBAL_REGION,
    regions: [],
    settings,
    clock: { now: () => TEST_NOW },
    get: () => Promise.reject(new Error('this collector reads no other collector')),
    progress: () => undefined,
    note: () => undefined,
    ...fields,
  };
}
