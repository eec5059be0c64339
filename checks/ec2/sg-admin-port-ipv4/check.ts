import { ADMIN_PORTS } from '../lib/ports.ts';
import { defineWorldOpenRuleCheck, reachedPorts } from '../lib/world-open-rules.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const sgAdminPortIpv4 = defineWorldOpenRuleCheck({
  ...checkFolder(meta, en, ja),
  families: ['ipv4'],
  offends: (rule) => reachedPorts(rule, ADMIN_PORTS),
  passing: (group, ctx) => ctx.say('passing', { group }),
});
