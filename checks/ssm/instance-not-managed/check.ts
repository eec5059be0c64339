import { instances } from '../../../src/collectors/ec2/instances.ts';
import { managedById, managedInstances } from '../../../src/collectors/ssm/managed-instances.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { instanceLabel, instanceResource } from '../../ec2/lib/instance.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const instanceNotManaged = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [instances, managedInstances],
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
            evidence: ctx.say('unmanaged', { instance: label }),
            details: { instanceId: i.instanceId, name: i.name, managed: false, iamInstanceProfileArn: i.iamInstanceProfileArn },
          };
        }
        const online = m.pingStatus === 'Online';
        return {
          ...base,
          status: 'PASS',
          evidence: online
            ? ctx.say('online', { instance: label })
            : m.pingStatus
              ? ctx.say('notOnline', { instance: label, status: m.pingStatus })
              : ctx.say('statusUnknown', { instance: label }),
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
