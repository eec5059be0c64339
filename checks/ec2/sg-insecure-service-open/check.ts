import { INSECURE_SERVICE_PORTS } from '../lib/ports.ts';
import { defineWorldOpenRuleCheck, reachedPorts } from '../lib/world-open-rules.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const sgInsecureServiceOpen = defineWorldOpenRuleCheck({
  id: 'ec2.sg-insecure-service-open',
  severity: 'high',
  cis: [],
  securityHub: ['EC2.19'],
  families: ['ipv4', 'ipv6'],
  offends: (rule) => reachedPorts(rule, INSECURE_SERVICE_PORTS),
  passing: (group, ctx) => ctx.say('passing', { group }),
  words: { en, ja },
});
