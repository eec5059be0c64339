// Inspector.1 (EC2 scanning), per region. Where Inspector is not offered or the account is not subscribed,
// the collector leaves a note and this check emits nothing. Any status but ENABLED fails, ENABLING too:
// nothing is being scanned yet, and the next scan will pass once activation has finished.
import { inspectorStatus } from '../../../src/collectors/detect/inspector-status.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { regionResource } from '../lib/region-resource.ts';

export const inspectorEnabled = defineCheck({
  id: 'detect.inspector-enabled',
  service: 'detect',
  severity: 'medium',
  cis: [],
  securityHub: ['Inspector.1'],
  scope: 'regional',
  needs: [inspectorStatus],
  title: {
    en: 'Amazon Inspector scans EC2 instances',
    ja: 'Amazon Inspector の EC2 スキャンが有効になっている',
  },
  why: {
    en: 'Patching the guest OS and its packages is the customer\'s job. Amazon Inspector continuously lists the known vulnerabilities (CVEs) and network exposure of each EC2 instance, so an unpatched, internet-facing server is found by you before an attacker finds it.',
    ja: 'ゲスト OS とパッケージへのパッチ適用はお客様の責任です。Amazon Inspector は EC2 インスタンスごとに既知の脆弱性 (CVE) とネットワーク到達性を継続的に検出するため、パッチ未適用でインターネットに公開されたサーバーを攻撃者より先に発見できます。',
  },
  guide: {
    en: '1. Open the Amazon Inspector console in the region and choose Get started → Activate Inspector (or Account management → select the account → Activate → Amazon EC2 scanning).\n2. Make sure instances are managed by Systems Manager (SSM Agent and an instance profile) for the most complete scanning.\n3. With AWS Organizations, activate it from the delegated administrator for every member account.\nCLI: `aws inspector2 enable --resource-types EC2 --region <region>`',
    ja: '1. 対象リージョンで Amazon Inspector コンソールを開き、「開始方法」→「Inspector をアクティブ化」を選びます (または「アカウント管理」でアカウントを選び、「アクティブ化」→「Amazon EC2 スキャン」)。\n2. スキャンの網羅性を高めるため、インスタンスを Systems Manager で管理します (SSM Agent とインスタンスプロファイル)。\n3. AWS Organizations を使っている場合は、委任管理者からすべてのメンバーアカウントでアクティブ化します。\nCLI: `aws inspector2 enable --resource-types EC2 --region <リージョン>`',
  },
  evaluate([inventory], ctx) {
    if (!inventory.available) return [];
    const region = ctx.region;
    const details = {
      ec2Status: inventory.ec2Status,
      accountStatus: inventory.accountStatus ?? null,
      ...(inventory.ec2ErrorCode ? { ec2ErrorCode: inventory.ec2ErrorCode } : {}),
    };
    if (inventory.ec2Status === 'ENABLED') {
      return [
        {
          status: 'PASS',
          ...regionResource(ctx),
          evidence: ctx.text({
            en: `Amazon Inspector EC2 scanning is enabled in ${region}`,
            ja: `${region} の Amazon Inspector の EC2 スキャンは有効です`,
          }),
          details,
        },
      ];
    }
    return [
      {
        status: 'FAIL',
        ...regionResource(ctx),
        evidence: ctx.text({
          en: `Amazon Inspector EC2 scanning is not enabled in ${region} (status ${inventory.ec2Status})`,
          ja: `${region} の Amazon Inspector の EC2 スキャンは有効になっていません (ステータス ${inventory.ec2Status})`,
        }),
        details,
      },
    ];
  },
});
