import { networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { ADMIN_PORTS } from '../lib/ports.ts';
import { reachedPorts, worldOpenRuleResults } from '../lib/world-open-rules.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const sgAdminPortIpv6 = defineCheck({
  id: 'ec2.sg-admin-port-ipv6',
  service: 'ec2',
  severity: 'critical',
  cis: ['5.3'],
  securityHub: ['EC2.54'],
  fix: 'ec2.revoke-world-open-rule',
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  ...checkTexts(en, ja),
  evaluate([groups, interfaces], ctx) {
    return worldOpenRuleResults(groups, interfaces, ctx, {
      families: ['ipv6'],
      offends: (rule) => reachedPorts(rule, ADMIN_PORTS),
      passing: (group) => ctx.say('passing', { group }),
    });
  },
});
