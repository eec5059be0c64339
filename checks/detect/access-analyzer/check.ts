// CIS 1.20 / IAM.28, per region: an ACTIVE external-access analyzer (type ACCOUNT or ORGANIZATION). The
// unused-access and internal-access analyzers answer other questions and don't count. Where Access
// Analyzer is not offered or the account is not subscribed, the collector leaves a note and this check
// emits nothing.
import type { AccessAnalyzer } from '../../../src/collectors/detect/access-analyzers.ts';
import { accessAnalyzers } from '../../../src/collectors/detect/access-analyzers.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { regionResult } from '../lib/region-resource.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

const summarise = (analyzers: AccessAnalyzer[]) => analyzers.map((a) => `${a.name} (${a.type}, ${a.status})`);

export const accessAnalyzer = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [accessAnalyzers],
  evaluate([inventory], ctx) {
    if (!inventory.available) return [];
    const region = ctx.region;
    const active = inventory.analyzers.filter((a) => a.status === 'ACTIVE' && EXTERNAL_ACCESS_TYPES.has(a.type));
    const details = {
      activeAnalyzers: active.map((a) => a.arn),
      analyzers: inventory.analyzers.map((a) => ({ arn: a.arn, name: a.name, type: a.type, status: a.status })),
    };
    if (active.length > 0) {
      return regionResult(ctx, 'PASS', ctx.say('active', { region, analyzers: summarise(active) }), details);
    }
    const evidence =
      inventory.analyzers.length === 0
        ? ctx.say('none', { region })
        : ctx.say('noneActive', { region, analyzers: summarise(inventory.analyzers) });
    return regionResult(ctx, 'FAIL', evidence, details);
  },
});
