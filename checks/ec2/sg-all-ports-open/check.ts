import { opensAllPorts } from '../lib/ports.ts';
import { defineWorldOpenRuleCheck } from '../lib/world-open-rules.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

// An all-traffic (-1) rule also fails the admin-port and insecure-service checks. That is intended: each
// check is its own finding with its own control id, and revoking the one rule resolves all of them.
export const sgAllPortsOpen = defineWorldOpenRuleCheck({
  ...checkFolder(meta, en, ja),
  families: ['ipv4', 'ipv6'],
  offends: (rule) => (opensAllPorts({ protocol: rule.ipProtocol, fromPort: rule.fromPort, toPort: rule.toPort }) ? [] : undefined),
  passing: (group, ctx) => ctx.say('passing', { group }),
});
