import { networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { ADMIN_PORTS } from '../lib/ports.ts';
import { reachedPorts, worldOpenRuleResults } from '../lib/world-open-rules.ts';

export const sgAdminPortIpv6 = defineCheck({
  id: 'ec2.sg-admin-port-ipv6',
  service: 'ec2',
  severity: 'critical',
  cis: ['5.3'],
  securityHub: ['EC2.54'],
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  title: {
    en: 'No security group allows SSH or RDP from ::/0',
    ja: 'セキュリティグループが ::/0 からの SSH/RDP を許可していない',
  },
  why: {
    en: 'A rule for ::/0 opens port 22 (SSH) or 3389 (RDP) to the whole IPv6 internet. It is easy to miss because teams often only review IPv4 rules, yet any instance with an IPv6 address is just as reachable and attackable.',
    ja: '::/0 へのルールは、ポート 22 (SSH) や 3389 (RDP) を IPv6 インターネット全体に開きます。IPv4 のルールだけを確認していると見落としやすいのですが、IPv6 アドレスを持つインスタンスは同じように到達でき、攻撃を受けます。',
  },
  guide: {
    en: '1. Open the EC2 console → Security Groups and select the group named in the finding.\n2. On the Inbound rules tab choose Edit inbound rules.\n3. Delete the rule that allows ::/0 to port 22 or 3389, or narrow its source to a known IPv6 range.\n4. Reach the instances with Session Manager (Systems Manager) instead of SSH, and with Fleet Manager for Windows desktops.\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…`',
    ja: '1. EC2 コンソールの「セキュリティグループ」で、検出されたグループを選択します。\n2.「インバウンドルール」タブで「インバウンドルールを編集」を選びます。\n3. ::/0 からポート 22 または 3389 を許可しているルールを削除するか、送信元を既知の IPv6 アドレス範囲に絞ります。\n4. インスタンスへは SSH の代わりに Session Manager (Systems Manager) で接続し、Windows のデスクトップには Fleet Manager を使います。\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…`',
  },
  evaluate([groups, interfaces], ctx) {
    return worldOpenRuleResults(groups, interfaces, ctx, {
      families: ['ipv6'],
      offends: (rule) => reachedPorts(rule, ADMIN_PORTS),
      passing: {
        en: 'no inbound rule lets ::/0 reach SSH (tcp/22) or RDP (tcp/3389)',
        ja: '::/0 から SSH (tcp/22) や RDP (tcp/3389) に到達できるインバウンドルールはありません',
      },
    });
  },
});
