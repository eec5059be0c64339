import type { AnyCheck } from '../../src/engine/types.ts';

export const s3Checks: readonly AnyCheck[] = [];
