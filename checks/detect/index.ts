import type { AnyCheck } from '../../src/engine/types.ts';
import { accessAnalyzer } from './access-analyzer.ts';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region.ts';
import { guarddutyEnabled } from './guardduty-enabled.ts';
import { inspectorEnabled } from './inspector-enabled.ts';

// CHECKS.md order.
export const detectChecks: readonly AnyCheck[] = [cloudtrailMultiRegion, guarddutyEnabled, inspectorEnabled, accessAnalyzer];
