import { networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { INSECURE_SERVICE_PORTS } from '../lib/ports.ts';
import { reachedPorts, worldOpenRuleResults } from '../lib/world-open-rules.ts';

export const sgInsecureServiceOpen = defineCheck({
  id: 'ec2.sg-insecure-service-open',
  service: 'ec2',
  severity: 'high',
  cis: [],
  securityHub: ['EC2.19'],
  scope: 'regional',
  needs: [securityGroups, networkInterfaces],
  title: {
    en: 'No security group exposes FTP, Telnet or database ports to the internet',
    ja: 'セキュリティグループが FTP、Telnet、データベースのポートをインターネットに公開していない',
  },
  why: {
    en: 'FTP and Telnet send passwords in clear text, and databases, caches and search engines (MySQL, PostgreSQL, SQL Server, Oracle, Redis, Memcached, MongoDB, Elasticsearch, Kafka) are not meant to face the internet. Exposed ones are routinely found by scanners and have their data stolen, encrypted for ransom, or used for DDoS amplification.',
    ja: 'FTP と Telnet はパスワードを平文で送ります。また、データベース、キャッシュ、検索エンジン (MySQL、PostgreSQL、SQL Server、Oracle、Redis、Memcached、MongoDB、Elasticsearch、Kafka) はインターネットに直接公開する前提で作られていません。公開されたものはスキャナーに日常的に発見され、データの窃取、身代金目的の暗号化、DDoS の増幅に悪用されます。',
  },
  guide: {
    en: '1. Open the EC2 console → Security Groups and select the group named in the finding.\n2. On the Inbound rules tab choose Edit inbound rules.\n3. Delete the world-open rule for the port, and allow it only from the security group of the application servers that need it.\n4. Replace FTP with SFTP or S3, and Telnet with Session Manager.\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…`',
    ja: '1. EC2 コンソールの「セキュリティグループ」で、検出されたグループを選択します。\n2.「インバウンドルール」タブで「インバウンドルールを編集」を選びます。\n3. そのポートをインターネット全体に開いているルールを削除し、接続が必要なアプリケーションサーバーのセキュリティグループからのみ許可します。\n4. FTP は SFTP や S3 に、Telnet は Session Manager に置き換えます。\nCLI: `aws ec2 revoke-security-group-ingress --group-id sg-… --security-group-rule-ids sgr-…`',
  },
  evaluate([groups, interfaces], ctx) {
    return worldOpenRuleResults(groups, interfaces, ctx, {
      families: ['ipv4', 'ipv6'],
      offends: (rule) => reachedPorts(rule, INSECURE_SERVICE_PORTS),
      passing: {
        en: 'no inbound rule lets 0.0.0.0/0 or ::/0 reach FTP, Telnet or database ports',
        ja: '0.0.0.0/0 や ::/0 から FTP、Telnet、データベースのポートに到達できるインバウンドルールはありません',
      },
    });
  },
});
