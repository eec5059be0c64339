// CIS 1.20 / IAM.28, per region: an ACTIVE external-access analyzer (type ACCOUNT or ORGANIZATION). The
// unused-access and internal-access analyzers answer other questions and don't count. Where Access
// Analyzer is not offered or the account is not subscribed, the collector leaves a note and this check
// emits nothing.
import type { AccessAnalyzer } from '../../../src/collectors/detect/access-analyzers.ts';
import { accessAnalyzers } from '../../../src/collectors/detect/access-analyzers.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { regionResource } from '../lib/region-resource.ts';

const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

const summarise = (analyzers: AccessAnalyzer[]) => analyzers.map((a) => `${a.name} (${a.type}, ${a.status})`).join(', ');

export const accessAnalyzer = defineCheck({
  id: 'detect.access-analyzer',
  service: 'detect',
  severity: 'low',
  cis: ['1.20'],
  securityHub: ['IAM.28'],
  scope: 'regional',
  needs: [accessAnalyzers],
  title: {
    en: 'IAM Access Analyzer is enabled',
    ja: 'IAM Access Analyzer が有効になっている',
  },
  why: {
    en: 'Access Analyzer finds the S3 buckets, IAM roles, KMS keys and other resources in the region that are shared with someone outside your account or organization. Without it, a bucket policy or role trust that quietly opened access to the world is found only after the data has left.',
    ja: 'Access Analyzer は、そのリージョンの S3 バケット、IAM ロール、KMS キーなどのうち、アカウントまたは組織の外部と共有されているリソースを検出します。Access Analyzer がないと、バケットポリシーやロールの信頼ポリシーで外部にアクセスを許可してしまっても、データが流出するまで気付けません。',
  },
  guide: {
    en: '1. Open the IAM console in the region → Access analyzer → Create analyzer.\n2. Choose External access analysis, and as the zone of trust the current account (or the organization, from the management or delegated administrator account).\n3. Create the analyzer and review its active findings; archive the intended ones.\n4. Repeat for every region you use.\nCLI: `aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region <region>`',
    ja: '1. 対象リージョンで IAM コンソールを開き、「アクセスアナライザー」→「アナライザーを作成」を選びます。\n2.「外部アクセス分析」を選び、信頼ゾーンとして現在のアカウント (管理アカウントまたは委任管理者アカウントからは組織) を指定します。\n3. アナライザーを作成し、アクティブな検出結果を確認します。意図した共有はアーカイブします。\n4. 使用しているすべてのリージョンで繰り返します。\nCLI: `aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region <リージョン>`',
  },
  evaluate([inventory], ctx) {
    if (!inventory.available) return [];
    const region = ctx.region;
    const active = inventory.analyzers.filter((a) => a.status === 'ACTIVE' && EXTERNAL_ACCESS_TYPES.has(a.type));
    const details = {
      activeAnalyzers: active.map((a) => a.arn),
      analyzers: inventory.analyzers.map((a) => ({ arn: a.arn, name: a.name, type: a.type, status: a.status })),
    };
    if (active.length > 0) {
      return [
        {
          status: 'PASS',
          ...regionResource(ctx),
          evidence: ctx.text({
            en: `IAM Access Analyzer ${summarise(active)} is active in ${region}`,
            ja: `${region} の IAM Access Analyzer ${summarise(active)} はアクティブです`,
          }),
          details,
        },
      ];
    }
    const evidence =
      inventory.analyzers.length === 0
        ? ctx.text({
            en: `No IAM Access Analyzer analyzer in ${region}`,
            ja: `${region} に IAM Access Analyzer のアナライザーがありません`,
          })
        : ctx.text({
            en: `No active account or organization analyzer in ${region}; found ${summarise(inventory.analyzers)}`,
            ja: `${region} にアクティブなアカウントまたは組織のアナライザーがありません (検出: ${summarise(inventory.analyzers)})`,
          });
    return [{ status: 'FAIL', ...regionResource(ctx), evidence, details }];
  },
});
