import { type NetworkAcl, type NetworkAclEntry, networkAcls } from '../../../src/collectors/ec2/network-acls.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { regionalArn } from '../lib/arn.ts';
import { ADMIN_PORTS, isWorldCidr, reachesPort, type ServicePort, servicePortText } from '../lib/ports.ts';

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
  id: 'ec2.nacl-admin-port-open',
  service: 'ec2',
  severity: 'medium',
  cis: ['5.1'],
  securityHub: ['EC2.21'],
  scope: 'regional',
  needs: [networkAcls],
  title: {
    en: 'No network ACL allows SSH or RDP from the internet',
    ja: 'ネットワーク ACL がインターネットからの SSH/RDP を許可していない',
  },
  why: {
    en: 'Network ACLs are the subnet-level layer of defence behind security groups. If they allow 0.0.0.0/0 or ::/0 to port 22 or 3389, one mistaken security group rule is all it takes to expose remote administration to the internet.',
    ja: 'ネットワーク ACL は、セキュリティグループの外側でサブネット単位に働く防御層です。0.0.0.0/0 や ::/0 からポート 22 や 3389 への通信を許可していると、セキュリティグループのルールを 1 つ誤るだけでリモート管理ポートがインターネットに公開されます。',
  },
  guide: {
    en: '1. Open the VPC console → Network ACLs and select the ACL named in the finding.\n2. On the Inbound rules tab choose Edit inbound rules.\n3. Change the rule that allows 0.0.0.0/0 (or ::/0) to port 22 or 3389 so its source is your office or VPN range, or add a lower-numbered Deny rule for those ports from 0.0.0.0/0 (and ::/0).\n4. Use Session Manager (Systems Manager) for administration, which needs no inbound port.\nCLI: `aws ec2 replace-network-acl-entry --network-acl-id acl-… --ingress --rule-number 100 --protocol tcp --port-range From=22,To=22 --cidr-block 203.0.113.0/24 --rule-action allow`',
    ja: '1. VPC コンソールの「ネットワーク ACL」で、検出された ACL を選択します。\n2.「インバウンドルール」タブで「インバウンドルールを編集」を選びます。\n3. 0.0.0.0/0 (または ::/0) からポート 22 や 3389 を許可しているルールの送信元をオフィスや VPN のアドレス範囲に変更するか、それより小さいルール番号で 0.0.0.0/0 (と ::/0) からそのポートへの拒否 (Deny) ルールを追加します。\n4. 管理作業には、インバウンドポートを必要としない Session Manager (Systems Manager) を使います。\nCLI: `aws ec2 replace-network-acl-entry --network-acl-id acl-… --ingress --rule-number 100 --protocol tcp --port-range From=22,To=22 --cidr-block 203.0.113.0/24 --rule-action allow`',
  },
  evaluate([acls], ctx) {
    return acls.map((acl): ResultDraft => {
      const exposures = worldExposures(acl);
      const list = exposures.map((x) => ({
        cidr: x.cidr,
        service: servicePortText(x.port),
        ruleNumber: x.entry.ruleNumber,
      }));
      return {
        status: exposures.length > 0 ? 'FAIL' : 'PASS',
        region: ctx.region,
        resourceType: 'AWS::EC2::NetworkAcl',
        resourceId: acl.networkAclId,
        resourceArn: regionalArn(ctx, 'ec2', `network-acl/${acl.networkAclId}`),
        evidence:
          exposures.length > 0
            ? ctx.text({
                en: `${aclLabel(acl)} allows inbound ${list.map((x) => `${x.cidr} → ${x.service} by rule ${x.ruleNumber}`).join(', ')}`,
                ja: `${aclLabel(acl)} がインバウンドを許可しています: ${list.map((x) => `${x.cidr} → ${x.service} (ルール ${x.ruleNumber})`).join('、')}`,
              })
            : ctx.text({
                en: `${aclLabel(acl)}: no inbound rule lets 0.0.0.0/0 or ::/0 reach SSH (tcp/22) or RDP (tcp/3389)`,
                ja: `${aclLabel(acl)}: 0.0.0.0/0 や ::/0 から SSH (tcp/22) や RDP (tcp/3389) に到達できるインバウンドルールはありません`,
              }),
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
