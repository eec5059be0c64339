import type { AnyCheck } from '../../src/engine/types.ts';

export const ssmChecks: readonly AnyCheck[] = [];
