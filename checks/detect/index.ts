import type { AnyCheck } from '../../src/engine/types.ts';

export const detectChecks: readonly AnyCheck[] = [];
