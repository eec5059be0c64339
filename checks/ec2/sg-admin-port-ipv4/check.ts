import { networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { ADMIN_PORTS } from '../lib/ports.ts';
import { reachedPorts, worldOpenRuleResults } from '../lib/world-open-rules.ts';

export const sgAdminPortIpv4 = defineCheck({
  id: 'ec2.sg-admin-port-ipv4',
  service: 'ec2',
  severity: 'critical',
  cis: ['5.2'],
  securityHub: ['EC2.53', 'EC2.13', 'EC2.14'],
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  title: {
    en: 'No security group allows SSH or RDP from 0.0.0.0/0',
    ja: 'セキュリティグループが 0.0.0.0/0 からの SSH/RDP を許可していない',
  },
  why: {
    en: 'Port 22 (SSH) and 3389 (RDP) open to the whole IPv4 internet are found by scanners within minutes and attacked with password guessing and exploits. One weak password or unpatched server then gives an attacker a shell inside your network.',
    ja: 'IPv4 インターネット全体に開かれたポート 22 (SSH) や 3389 (RDP) は、スキャナーに数分で発見され、パスワード推測や脆弱性攻撃の対象になります。弱いパスワードや未修正のサーバーが 1 台あるだけで、攻撃者にネットワーク内部のシェルを与えてしまいます。',
  },
  guide: {
    en: '1. Open the EC2 console → Security Groups and select the group named in the finding.\n2. On the Inbound rules tab choose Edit inbound rules.\n3. Delete the rule that allows 0.0.0.0/0 to port 22 or 3389, or narrow its source to your office or VPN address range.\n4. Reach the instances with Session Manager (Systems Manager) instead of SSH, and with Fleet Manager for Windows desktops.\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…`',
    ja: '1. EC2 コンソールの「セキュリティグループ」で、検出されたグループを選択します。\n2.「インバウンドルール」タブで「インバウンドルールを編集」を選びます。\n3. 0.0.0.0/0 からポート 22 または 3389 を許可しているルールを削除するか、送信元をオフィスや VPN のアドレス範囲に絞ります。\n4. インスタンスへは SSH の代わりに Session Manager (Systems Manager) で接続し、Windows のデスクトップには Fleet Manager を使います。\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…`',
  },
  evaluate([groups, interfaces], ctx) {
    return worldOpenRuleResults(groups, interfaces, ctx, {
      families: ['ipv4'],
      offends: (rule) => reachedPorts(rule, ADMIN_PORTS),
      passing: {
        en: 'no inbound rule lets 0.0.0.0/0 reach SSH (tcp/22) or RDP (tcp/3389)',
        ja: '0.0.0.0/0 から SSH (tcp/22) や RDP (tcp/3389) に到達できるインバウンドルールはありません',
      },
    });
  },
});
