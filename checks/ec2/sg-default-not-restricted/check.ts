import { instancesByGroup, networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { groupArn, groupLabel } from '../lib/world-open-rules.ts';

export const sgDefaultNotRestricted = defineCheck({
  id: 'ec2.sg-default-not-restricted',
  service: 'ec2',
  severity: 'medium',
  cis: ['5.4'],
  securityHub: ['EC2.2'],
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  title: {
    en: "Each VPC's default security group has no rules",
    ja: '各 VPC のデフォルトセキュリティグループにルールがない',
  },
  why: {
    en: "Anything launched without an explicit security group lands in the VPC's default group. If that group has rules, such resources silently get network access nobody chose; with no rules, forgetting to pick a group fails safe.",
    ja: 'セキュリティグループを明示せずに起動したリソースは、VPC のデフォルトセキュリティグループに入ります。このグループにルールがあると、誰も意図していない通信がそのリソースに黙って許可されます。ルールを空にしておけば、グループの指定を忘れても安全側に倒れます。',
  },
  guide: {
    en: '1. Create dedicated security groups for the resources that use the default group (listed in the finding), and move them over.\n2. Open the EC2 console → Security Groups and select the group named default in the VPC.\n3. Delete every rule on the Inbound rules tab, then every rule on the Outbound rules tab.\n4. Keep it empty; the default group itself cannot be deleted.\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…` (and `revoke-security-group-egress` for outbound rules)',
    ja: '1. デフォルトグループを使っているリソース (検出結果に記載) 用に専用のセキュリティグループを作成し、付け替えます。\n2. EC2 コンソールの「セキュリティグループ」で、その VPC の default という名前のグループを選択します。\n3.「インバウンドルール」タブのルールをすべて削除し、続けて「アウトバウンドルール」タブのルールもすべて削除します。\n4. 空のまま維持します (デフォルトグループ自体は削除できません)。\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…` (アウトバウンドルールには `revoke-security-group-egress`)',
  },
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
          region: ctx.region,
          resourceType: 'AWS::EC2::SecurityGroup',
          resourceId: group.groupId,
          resourceArn: groupArn(ctx, group.groupId),
          evidence:
            group.rules.length > 0
              ? ctx.text({
                  en: `${groupLabel(group)} in ${vpc} has rules (${inbound} inbound, ${outbound} outbound)`,
                  ja: `${vpc} の ${groupLabel(group)} にルールがあります (インバウンド ${inbound} 件、アウトバウンド ${outbound} 件)`,
                })
              : ctx.text({ en: `${groupLabel(group)} in ${vpc} has no rules`, ja: `${vpc} の ${groupLabel(group)} にルールはありません` }),
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
