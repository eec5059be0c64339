import type { AnyCheck } from '../../src/engine/types.ts';
import { documentPublic } from './document-public.ts';
import { instanceNotManaged } from './instance-not-managed.ts';
import { patchNoncompliant } from './patch-noncompliant.ts';

export const ssmChecks: readonly AnyCheck[] = [instanceNotManaged, patchNoncompliant, documentPublic];
