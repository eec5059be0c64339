import { networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { opensAllPorts } from '../lib/ports.ts';
import { worldOpenRuleResults } from '../lib/world-open-rules.ts';

// An all-traffic (-1) rule also fails the admin-port and insecure-service checks. That is intended: each
// check is its own finding with its own control id, and revoking the one rule resolves all of them.
export const sgAllPortsOpen = defineCheck({
  id: 'ec2.sg-all-ports-open',
  service: 'ec2',
  severity: 'critical',
  cis: [],
  securityHub: ['EC2.18'],
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  title: {
    en: 'No security group opens all ports to the internet',
    ja: 'セキュリティグループがインターネットに全ポートを開放していない',
  },
  why: {
    en: 'A rule that allows all protocols, or every TCP or UDP port, from 0.0.0.0/0 or ::/0 exposes every service on the instances: databases, admin consoles, debug ports and whatever gets installed later. It turns the security group into no firewall at all.',
    ja: '0.0.0.0/0 や ::/0 からすべてのプロトコル、または TCP/UDP の全ポートを許可するルールは、データベース、管理コンソール、デバッグ用ポート、後から導入されるものまで、インスタンス上のあらゆるサービスを公開します。セキュリティグループがファイアウォールとして機能しなくなります。',
  },
  guide: {
    en: '1. Open the EC2 console → Security Groups and select the group named in the finding.\n2. On the Inbound rules tab choose Edit inbound rules.\n3. Replace the all-traffic or all-ports rule with rules for only the ports the application serves (for example tcp/443), and put public web traffic behind a load balancer.\n4. Save the rules and check the application still works.\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…`',
    ja: '1. EC2 コンソールの「セキュリティグループ」で、検出されたグループを選択します。\n2.「インバウンドルール」タブで「インバウンドルールを編集」を選びます。\n3. すべてのトラフィックまたは全ポートを許可するルールを、アプリケーションが実際に使うポート (例: tcp/443) だけのルールに置き換えます。公開する Web トラフィックはロードバランサー経由にします。\n4. ルールを保存し、アプリケーションが動作することを確認します。\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…`',
  },
  evaluate([groups, interfaces], ctx) {
    return worldOpenRuleResults(groups, interfaces, ctx, {
      families: ['ipv4', 'ipv6'],
      offends: (rule) => (opensAllPorts({ protocol: rule.ipProtocol, fromPort: rule.fromPort, toPort: rule.toPort }) ? [] : undefined),
      passing: {
        en: 'no inbound rule opens all protocols or all ports to 0.0.0.0/0 or ::/0',
        ja: '0.0.0.0/0 や ::/0 に全プロトコルまたは全ポートを開放するインバウンドルールはありません',
      },
    });
  },
});
