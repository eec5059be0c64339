// CIS 1.20 / IAM.28, per region: an ACTIVE external-access analyzer (type ACCOUNT or ORGANIZATION). The
// unused-access and internal-access analyzers answer other questions and don't count. Where Access
// Analyzer is not offered or the account is not subscribed, this check emits nothing.
import type { AccessAnalyzer } from '../../../src/collectors/detect/access-analyzers.ts';
import { accessAnalyzers } from '../../../src/collectors/detect/access-analyzers.ts';
import { defineRegionalServiceCheck } from '../lib/region-resource.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

const summarise = (analyzers: AccessAnalyzer[]) => analyzers.map((a) => `${a.name} (${a.type}, ${a.status})`);

export const accessAnalyzer = defineRegionalServiceCheck({
  ...checkFolder(meta, en, ja),
  reads: accessAnalyzers,
  judge: ({ analyzers }, ctx) => {
    const region = ctx.region;
    const active = analyzers.filter((a) => a.status === 'ACTIVE' && EXTERNAL_ACCESS_TYPES.has(a.type));
    const details = {
      activeAnalyzers: active.map((a) => a.arn),
      analyzers: analyzers.map((a) => ({ arn: a.arn, name: a.name, type: a.type, status: a.status })),
    };
    if (active.length > 0) return { status: 'PASS', evidence: ctx.say('active', { region, analyzers: summarise(active) }), details };
    const evidence = analyzers.length === 0 ? ctx.say('none', { region }) : ctx.say('noneActive', { region, analyzers: summarise(analyzers) });
    return { status: 'FAIL', evidence, details };
  },
});
