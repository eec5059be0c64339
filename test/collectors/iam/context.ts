// A CollectContext for calling one collector directly; its AWS clients are mocked by the test.
import type { CollectContext } from '../../../src/engine/types.ts';
import { baseCollectContext } from '../../helpers/collect-context.ts';

export function collectContext(overrides: Partial<CollectContext> = {}): CollectContext {
  return baseCollectContext('123456789012', overrides);
}
