import { instancesByGroup, networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { groupLabel, groupResource } from '../lib/world-open-rules.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const sgDefaultNotRestricted = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [securityGroups, networkInterfaces],
  evaluate([groups, interfaces], ctx) {
    const usedBy = instancesByGroup(interfaces);
    return groups
      .filter((g) => g.groupName === 'default' && g.vpcId)
      .map((group): ResultDraft => {
        const inbound = group.rules.filter((r) => !r.isEgress).length;
        const outbound = group.rules.length - inbound;
        const vpc = group.vpcId ?? '';
        return {
          status: group.rules.length > 0 ? 'FAIL' : 'PASS',
          ...groupResource(ctx, group.groupId),
          evidence:
            group.rules.length > 0
              ? ctx.say('hasRules', { group: groupLabel(group), vpc, inbound, outbound })
              : ctx.say('noRules', { group: groupLabel(group), vpc }),
          // Every rule with its id, so a fix can revoke them and an undo re-authorise each one identically.
          details: {
            groupId: group.groupId,
            groupName: group.groupName,
            vpcId: group.vpcId,
            rules: group.rules.map((r) => ({
              ruleId: r.ruleId,
              isEgress: r.isEgress,
              ipProtocol: r.ipProtocol,
              fromPort: r.fromPort,
              toPort: r.toPort,
              cidrIpv4: r.cidrIpv4,
              cidrIpv6: r.cidrIpv6,
              prefixListId: r.prefixListId,
              referencedGroupId: r.referencedGroupId,
              referencedGroupOwnerId: r.referencedGroupOwnerId,
              description: r.description,
            })),
            instances: usedBy.get(group.groupId) ?? [],
          },
        };
      });
  },
});
