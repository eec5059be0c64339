import type { AnyCheck } from '../../src/engine/types.ts';
import { rootMfa } from './root-mfa.ts';

export const iamChecks: readonly AnyCheck[] = [rootMfa];
