import type { AnyCheck } from '../../src/engine/types.ts';
import { accessAnalyzer } from './access-analyzer/check.ts';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region/check.ts';
import { guarddutyEnabled } from './guardduty-enabled/check.ts';
import { inspectorEnabled } from './inspector-enabled/check.ts';

// CHECKS.md order.
export const detectChecks: readonly AnyCheck[] = [cloudtrailMultiRegion, guarddutyEnabled, inspectorEnabled, accessAnalyzer];
