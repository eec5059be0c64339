import { networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { ADMIN_PORTS } from '../lib/ports.ts';
import { reachedPorts, worldOpenRuleResults } from '../lib/world-open-rules.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const sgAdminPortIpv4 = defineCheck({
  id: 'ec2.sg-admin-port-ipv4',
  service: 'ec2',
  severity: 'critical',
  cis: ['5.2'],
  securityHub: ['EC2.53', 'EC2.13', 'EC2.14'],
  fix: 'ec2.revoke-world-open-rule',
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  ...checkTexts(en, ja),
  evaluate([groups, interfaces], ctx) {
    return worldOpenRuleResults(groups, interfaces, ctx, {
      families: ['ipv4'],
      offends: (rule) => reachedPorts(rule, ADMIN_PORTS),
      passing: (group) => ctx.say('passing', { group }),
    });
  },
});
