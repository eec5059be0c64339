import { networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { opensAllPorts } from '../lib/ports.ts';
import { worldOpenRuleResults } from '../lib/world-open-rules.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

// An all-traffic (-1) rule also fails the admin-port and insecure-service checks. That is intended: each
// check is its own finding with its own control id, and revoking the one rule resolves all of them.
export const sgAllPortsOpen = defineCheck({
  id: 'ec2.sg-all-ports-open',
  service: 'ec2',
  severity: 'critical',
  cis: [],
  securityHub: ['EC2.18'],
  fix: 'ec2.revoke-world-open-rule',
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  ...checkTexts(en, ja),
  evaluate([groups, interfaces], ctx) {
    return worldOpenRuleResults(groups, interfaces, ctx, {
      families: ['ipv4', 'ipv6'],
      offends: (rule) => (opensAllPorts({ protocol: rule.ipProtocol, fromPort: rule.fromPort, toPort: rule.toPort }) ? [] : undefined),
      passing: (group) => ctx.say('passing', { group }),
    });
  },
});
