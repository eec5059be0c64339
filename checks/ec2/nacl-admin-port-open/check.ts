import { type NetworkAcl, type NetworkAclEntry, networkAcls } from '../../../src/collectors/ec2/network-acls.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { regionalArn } from '../lib/arn.ts';
import { ADMIN_PORTS, isWorldCidr, reachesPort, type ServicePort, servicePortText } from '../lib/ports.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

interface Exposure {
  cidr: string;
  port: ServicePort;
  entry: NetworkAclEntry;
}

const WORLD_SOURCES: readonly { cidrOf: (e: NetworkAclEntry) => string | undefined }[] = [
  { cidrOf: (e) => e.cidrBlock },
  { cidrOf: (e) => e.ipv6CidrBlock },
];

/**
 * Evaluates inbound entries the way AWS does: lowest rule number first, first match wins. Only entries for
 * the whole address space decide what "the internet" gets; a narrower deny leaves the rest of it through.
 */
function worldExposures(acl: NetworkAcl): Exposure[] {
  const inbound = acl.entries.filter((e) => !e.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  const exposures: Exposure[] = [];
  for (const { cidrOf } of WORLD_SOURCES) {
    for (const port of ADMIN_PORTS) {
      const decisive = inbound.find(
        (e) =>
          isWorldCidr(cidrOf(e)) &&
          reachesPort({ protocol: e.protocol, fromPort: e.portRange?.from, toPort: e.portRange?.to }, port),
      );
      const cidr = decisive ? cidrOf(decisive) : undefined;
      if (decisive?.ruleAction === 'allow' && cidr) exposures.push({ cidr, port, entry: decisive });
    }
  }
  return exposures;
}

function aclLabel(acl: NetworkAcl): string {
  return acl.name ? `${acl.networkAclId} (${acl.name})` : acl.networkAclId;
}

export const naclAdminPortOpen = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [networkAcls],
  evaluate([acls], ctx) {
    return acls.map((acl): ResultDraft => {
      const exposures = worldExposures(acl);
      return {
        status: exposures.length > 0 ? 'FAIL' : 'PASS',
        region: ctx.region,
        resourceType: 'AWS::EC2::NetworkAcl',
        resourceId: acl.networkAclId,
        resourceArn: regionalArn(ctx, 'ec2', `network-acl/${acl.networkAclId}`),
        evidence:
          exposures.length > 0
            ? ctx.say('open', {
                acl: aclLabel(acl),
                exposures: exposures.map((x) =>
                  ctx.say('exposure', { cidr: x.cidr, service: servicePortText(x.port), ruleNumber: x.entry.ruleNumber }),
                ),
              })
            : ctx.say('closed', { acl: aclLabel(acl) }),
        details: {
          networkAclId: acl.networkAclId,
          vpcId: acl.vpcId,
          isDefault: acl.isDefault,
          subnetIds: acl.subnetIds,
          exposures: exposures.map((x) => ({
            cidr: x.cidr,
            protocol: x.port.protocol,
            port: x.port.port,
            service: x.port.service,
            ruleNumber: x.entry.ruleNumber,
            entryProtocol: x.entry.protocol,
            portRange: x.entry.portRange,
          })),
        },
      };
    });
  },
});
