import { ADMIN_PORTS } from '../lib/ports.ts';
import { defineWorldOpenRuleCheck, reachedPorts } from '../lib/world-open-rules.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const sgAdminPortIpv4 = defineWorldOpenRuleCheck({
  id: 'ec2.sg-admin-port-ipv4',
  severity: 'critical',
  cis: ['5.2'],
  securityHub: ['EC2.53', 'EC2.13', 'EC2.14'],
  families: ['ipv4'],
  offends: (rule) => reachedPorts(rule, ADMIN_PORTS),
  passing: (group, ctx) => ctx.say('passing', { group }),
  words: { en, ja },
});
