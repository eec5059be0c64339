import { instances } from '../../../src/collectors/ec2/instances.ts';
import { managedById, managedInstances } from '../../../src/collectors/ssm/managed-instances.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { instanceLabel, instanceResource } from '../../ec2/lib/instance.ts';

export const instanceNotManaged = defineCheck({
  id: 'ssm.instance-not-managed',
  service: 'ssm',
  severity: 'medium',
  cis: [],
  securityHub: ['SSM.1'],
  scope: 'regional',
  needs: [instances, managedInstances],
  title: {
    en: 'Running instances are managed by Systems Manager',
    ja: '実行中のインスタンスが Systems Manager で管理されている',
  },
  why: {
    en: 'An instance Systems Manager does not manage cannot be reached with Session Manager or patched with Patch Manager. Teams then keep SSH or RDP open to administer it, and its patch level goes unseen.',
    ja: 'Systems Manager で管理されていないインスタンスには、Session Manager で接続することも Patch Manager でパッチを適用することもできません。その結果、管理のために SSH や RDP を開けたままにすることになり、パッチの適用状況も把握できなくなります。',
  },
  guide: {
    en: '1. Make sure the SSM Agent is installed and running (it is preinstalled on Amazon Linux, recent Ubuntu and Windows Server AMIs).\n2. Give the instance permission: turn on Default Host Management Configuration (Systems Manager → Fleet Manager → Account management), or attach an instance profile whose role has the AmazonSSMManagedInstanceCore policy.\n3. Make sure the instance can reach the Systems Manager endpoints (outbound HTTPS through a NAT gateway, or VPC endpoints for ssm, ssmmessages and ec2messages).\n4. After a few minutes the instance shows as Online in Fleet Manager.\nCLI: `aws ec2 associate-iam-instance-profile --instance-id i-… --iam-instance-profile Name=<profile-with-AmazonSSMManagedInstanceCore>`',
    ja: '1. SSM Agent がインストールされ、起動していることを確認します (Amazon Linux、最近の Ubuntu、Windows Server の AMI にはプリインストールされています)。\n2. インスタンスに権限を与えます: 「デフォルトのホスト管理設定」を有効にする (Systems Manager →「フリートマネージャー」→「アカウント管理」) か、AmazonSSMManagedInstanceCore ポリシーを持つロールのインスタンスプロファイルをアタッチします。\n3. インスタンスから Systems Manager のエンドポイントに到達できることを確認します (NAT ゲートウェイ経由のアウトバウンド HTTPS、または ssm・ssmmessages・ec2messages の VPC エンドポイント)。\n4. 数分後、フリートマネージャーでインスタンスが「オンライン」と表示されます。\nCLI: `aws ec2 associate-iam-instance-profile --instance-id i-… --iam-instance-profile Name=<AmazonSSMManagedInstanceCore を持つプロファイル>`',
  },
  evaluate([found, managed], ctx) {
    const byId = managedById(managed);
    // Only running instances: a stopped instance's agent is offline by definition.
    return found
      .filter((i) => i.state === 'running')
      .map((i): ResultDraft => {
        const label = instanceLabel(i);
        const m = byId.get(i.instanceId);
        const base = instanceResource(ctx, i.instanceId);
        if (!m) {
          return {
            ...base,
            status: 'FAIL',
            evidence: ctx.text({
              en: `${label} is not managed by Systems Manager, so Session Manager cannot reach it`,
              ja: `${label} は Systems Manager で管理されていないため、Session Manager で接続できません`,
            }),
            details: { instanceId: i.instanceId, name: i.name, managed: false, iamInstanceProfileArn: i.iamInstanceProfileArn },
          };
        }
        const online = m.pingStatus === 'Online';
        return {
          ...base,
          status: 'PASS',
          evidence: online
            ? ctx.text({ en: `${label} is managed, Session Manager Online`, ja: `${label} は管理されています (Session Manager: Online)` })
            : ctx.text({
                en: `${label} is managed but ${m.pingStatus ?? 'its agent status is unknown'}`,
                ja: `${label} は管理されていますが、状態は ${m.pingStatus ?? '不明'} です`,
              }),
          details: {
            instanceId: i.instanceId,
            name: i.name,
            managed: true,
            pingStatus: m.pingStatus,
            lastPingAt: m.lastPingAt,
            agentVersion: m.agentVersion,
            platformName: m.platformName,
          },
        };
      });
  },
});
