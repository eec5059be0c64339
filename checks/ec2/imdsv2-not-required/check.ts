import { instances } from '../../../src/collectors/ec2/instances.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { instanceLabel, instanceResource } from '../lib/instance.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const imdsv2NotRequired = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [instances],
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
      const result = (status: ResultDraft['status'], evidence: Message, more: Record<string, unknown> = {}): ResultDraft => ({
        ...base,
        status,
        evidence,
        details: { ...details, ...more },
      });
      if (m?.httpEndpoint === 'disabled') return result('PASS', ctx.say('endpointOff', { instance: label }));
      if (m?.httpTokens === 'required') return result('PASS', ctx.say('required', { instance: label }));
      if (m?.httpTokens === 'optional') return result('FAIL', ctx.say('optional', { instance: label }));
      const reason = m
        ? `DescribeInstances reported HttpTokens ${m.httpTokens ?? '(none)'}, expected required or optional`
        : 'DescribeInstances returned no MetadataOptions';
      // AWS's own terms, in English like AWS's errors.
      return result('ERROR', ctx.say('common:unreadable', { name: label, reason }), { reason });
    });
  },
});
