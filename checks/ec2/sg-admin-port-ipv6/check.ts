import { ADMIN_PORTS } from '../lib/ports.ts';
import { defineWorldOpenRuleCheck, reachedPorts } from '../lib/world-open-rules.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const sgAdminPortIpv6 = defineWorldOpenRuleCheck({
  id: 'ec2.sg-admin-port-ipv6',
  severity: 'critical',
  cis: ['5.3'],
  securityHub: ['EC2.54'],
  families: ['ipv6'],
  offends: (rule) => reachedPorts(rule, ADMIN_PORTS),
  passing: (group, ctx) => ctx.say('passing', { group }),
  words: { en, ja },
});
