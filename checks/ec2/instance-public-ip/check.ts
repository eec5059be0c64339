import { instances } from '../../../src/collectors/ec2/instances.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { instanceLabel, instanceResource } from '../lib/instance.ts';

export const instancePublicIp = defineCheck({
  id: 'ec2.instance-public-ip',
  service: 'ec2',
  severity: 'low',
  cis: [],
  securityHub: ['EC2.9'],
  scope: 'regional',
  needs: [instances],
  title: {
    en: 'Running instances have no public IP address',
    ja: '実行中のインスタンスにパブリック IP アドレスがない',
  },
  why: {
    en: 'An instance with a public IPv4 address can be reached straight from the internet, so a single security group mistake exposes it. Instances in private subnets behind a load balancer or NAT gateway keep only the intended entry point open.',
    ja: 'パブリック IPv4 アドレスを持つインスタンスはインターネットから直接到達できるため、セキュリティグループの設定ミス 1 つで公開されてしまいます。ロードバランサーや NAT ゲートウェイの背後のプライベートサブネットに置けば、意図した入口だけが開いた状態を保てます。',
  },
  guide: {
    en: '1. Decide how the instance should be reached: through a load balancer for web traffic, Session Manager for administration, a NAT gateway for outbound traffic.\n2. Launch a replacement in a private subnet (a public IP cannot be removed from a running instance\'s primary interface), or disassociate an Elastic IP in the EC2 console → Elastic IPs → Actions → Disassociate.\n3. In the VPC console → Subnets, turn off Auto-assign public IPv4 address for subnets that should stay private (Actions → Edit subnet settings).\nCLI: `aws ec2 modify-subnet-attribute --subnet-id subnet-… --no-map-public-ip-on-launch`',
    ja: '1. インスタンスへの到達経路を決めます: Web トラフィックはロードバランサー、管理作業は Session Manager、アウトバウンド通信は NAT ゲートウェイを使います。\n2. プライベートサブネットに代わりのインスタンスを起動します (実行中のインスタンスのプライマリインターフェイスからパブリック IP は外せません)。Elastic IP の場合は EC2 コンソールの「Elastic IP」→「アクション」→「Elastic IP アドレスの関連付けの解除」で外せます。\n3. VPC コンソールの「サブネット」で、プライベートにすべきサブネットの「パブリック IPv4 アドレスを自動割り当て」をオフにします (「アクション」→「サブネットの設定を編集」)。\nCLI: `aws ec2 modify-subnet-attribute --subnet-id subnet-… --no-map-public-ip-on-launch`',
  },
  evaluate([found], ctx) {
    // Only running instances: a stopped one has no address to reach (an Elastic IP returns with it on start).
    return found
      .filter((i) => i.state === 'running')
      .map(
        (i): ResultDraft => ({
          ...instanceResource(ctx, i.instanceId),
          status: i.publicIpAddress ? 'FAIL' : 'PASS',
          evidence: i.publicIpAddress
            ? ctx.text({
                en: `${instanceLabel(i)} has public IP ${i.publicIpAddress}`,
                ja: `${instanceLabel(i)} にパブリック IP ${i.publicIpAddress} があります`,
              })
            : ctx.text({ en: `${instanceLabel(i)} has no public IP`, ja: `${instanceLabel(i)} にパブリック IP はありません` }),
          details: {
            instanceId: i.instanceId,
            name: i.name,
            publicIpAddress: i.publicIpAddress,
            vpcId: i.vpcId,
            subnetId: i.subnetId,
            securityGroupIds: i.securityGroupIds,
          },
        }),
      );
  },
});
