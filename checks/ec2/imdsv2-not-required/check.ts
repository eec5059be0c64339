import { instances } from '../../../src/collectors/ec2/instances.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { instanceLabel, instanceResource } from '../lib/instance.ts';

export const imdsv2NotRequired = defineCheck({
  id: 'ec2.imdsv2-not-required',
  service: 'ec2',
  severity: 'high',
  cis: ['5.6'],
  securityHub: ['EC2.8'],
  scope: 'regional',
  needs: [instances],
  title: {
    en: 'Instances require IMDSv2',
    ja: 'インスタンスで IMDSv2 が必須になっている',
  },
  why: {
    en: "With IMDSv1 the instance metadata service answers any plain HTTP GET, so a server-side request forgery (SSRF) bug in an application can read the instance role's temporary credentials. That is how the 2019 Capital One breach happened. IMDSv2 requires a session token obtained with a PUT request, which SSRF bugs and misconfigured proxies cannot send.",
    ja: 'IMDSv1 ではインスタンスメタデータサービスが単純な HTTP GET に応答するため、アプリケーションにサーバーサイドリクエストフォージェリ (SSRF) の脆弱性があると、インスタンスロールの一時的な認証情報を読み取られます。2019 年の Capital One の情報漏えいはこの経路で起きました。IMDSv2 では PUT リクエストで取得するセッショントークンが必要となり、SSRF や設定不備のプロキシからは送れません。',
  },
  guide: {
    en: '1. Check that the software on the instance supports IMDSv2 (AWS SDKs and CLI from 2019 on do; the CloudWatch metric MetadataNoToken shows IMDSv1 use).\n2. Open the EC2 console → Instances and select the instance.\n3. Choose Actions → Instance settings → Modify instance metadata options.\n4. Set IMDSv2 to Required and save. To make it the default for new instances, set the account default under EC2 Dashboard → Data protection and security.\nCLI: `aws ec2 modify-instance-metadata-options --instance-id i-… --http-tokens required --http-endpoint enabled`',
    ja: '1. インスタンス上のソフトウェアが IMDSv2 に対応していることを確認します (2019 年以降の AWS SDK と CLI は対応済みです。IMDSv1 の利用状況は CloudWatch メトリクス MetadataNoToken で確認できます)。\n2. EC2 コンソールの「インスタンス」で対象のインスタンスを選択します。\n3.「アクション」→「インスタンスの設定」→「インスタンスメタデータオプションの変更」を選びます。\n4. IMDSv2 を「必須」にして保存します。新しいインスタンスの既定にするには、EC2 ダッシュボードの「データ保護とセキュリティ」でアカウントのデフォルトを設定します。\nCLI: `aws ec2 modify-instance-metadata-options --instance-id i-… --http-tokens required --http-endpoint enabled`',
  },
  // Stopped instances count too: the setting survives a stop, and the instance comes back with IMDSv1 on.
  evaluate([found], ctx) {
    return found.map((instance): ResultDraft => {
      const label = instanceLabel(instance);
      const m = instance.metadataOptions;
      const base = instanceResource(ctx, instance.instanceId);
      const details = {
        instanceId: instance.instanceId,
        name: instance.name,
        state: instance.state,
        httpTokens: m?.httpTokens,
        httpEndpoint: m?.httpEndpoint,
        httpPutResponseHopLimit: m?.httpPutResponseHopLimit,
      };
      if (m?.httpEndpoint === 'disabled') {
        return {
          ...base,
          status: 'PASS',
          evidence: ctx.text({ en: `${label} has the metadata service turned off`, ja: `${label} はメタデータサービスが無効です` }),
          details,
        };
      }
      if (m?.httpTokens === 'required') {
        return {
          ...base,
          status: 'PASS',
          evidence: ctx.text({ en: `${label} requires IMDSv2`, ja: `${label} は IMDSv2 が必須です` }),
          details,
        };
      }
      if (m?.httpTokens === 'optional') {
        return {
          ...base,
          status: 'FAIL',
          evidence: ctx.text({
            en: `${label} accepts IMDSv1 (HttpTokens optional)`,
            ja: `${label} は IMDSv1 を受け付けます (HttpTokens: optional)`,
          }),
          details,
        };
      }
      const reason = m
        ? `DescribeInstances reported HttpTokens ${m.httpTokens ?? '(none)'}, expected required or optional`
        : 'DescribeInstances returned no MetadataOptions';
      return {
        ...base,
        status: 'ERROR',
        evidence: ctx.text({
          en: `${label} could not be evaluated: ${reason}`,
          ja: `${label} を評価できませんでした: ${reason}`,
        }),
        details: { ...details, reason },
      };
    });
  },
});
