import { networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { INSECURE_SERVICE_PORTS } from '../lib/ports.ts';
import { reachedPorts, worldOpenRuleResults } from '../lib/world-open-rules.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const sgInsecureServiceOpen = defineCheck({
  id: 'ec2.sg-insecure-service-open',
  service: 'ec2',
  severity: 'high',
  cis: [],
  securityHub: ['EC2.19'],
  fix: 'ec2.revoke-world-open-rule',
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  ...checkTexts(en, ja),
  evaluate([groups, interfaces], ctx) {
    return worldOpenRuleResults(groups, interfaces, ctx, {
      families: ['ipv4', 'ipv6'],
      offends: (rule) => reachedPorts(rule, INSECURE_SERVICE_PORTS),
      passing: (group) => ctx.say('passing', { group }),
    });
  },
});
