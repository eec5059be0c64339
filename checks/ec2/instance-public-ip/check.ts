import { instances } from '../../../src/collectors/ec2/instances.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { instanceLabel, instanceResource } from '../lib/instance.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const instancePublicIp = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [instances],
  evaluate([found], ctx) {
    // Only running instances: a stopped one has no address to reach (an Elastic IP returns with it on start).
    return found
      .filter((i) => i.state === 'running')
      .map(
        (i): ResultDraft => ({
          ...instanceResource(ctx, i.instanceId),
          status: i.publicIpAddress ? 'FAIL' : 'PASS',
          evidence: i.publicIpAddress
            ? ctx.say('publicIp', { instance: instanceLabel(i), ip: i.publicIpAddress })
            : ctx.say('noPublicIp', { instance: instanceLabel(i) }),
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
