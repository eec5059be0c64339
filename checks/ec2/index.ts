import type { AnyCheck } from '../../src/engine/types.ts';

export const ec2Checks: readonly AnyCheck[] = [];
