import type { AnyCheck } from '../../src/engine/types.ts';
import { documentPublic } from './document-public/check.ts';
import { instanceNotManaged } from './instance-not-managed/check.ts';
import { patchNoncompliant } from './patch-noncompliant/check.ts';

export const ssmChecks: readonly AnyCheck[] = [instanceNotManaged, patchNoncompliant, documentPublic];
