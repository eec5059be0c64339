// Least privilege, in small: every command the S3 collectors send maps to an IAM action they declare.
import { describe, expect, it } from 'vitest';
import { s3Checks } from '../../../checks/s3/index.ts';
import { S3_COMMAND_ACTIONS, S3CONTROL_COMMAND_ACTIONS } from '../../../src/collectors/s3/actions.ts';
import type { AnyCollector } from '../../../src/engine/types.ts';
import { fileContexts } from './context.ts';

const { s3, s3control, collectContext } = fileContexts();

function collectorsOf(collector: AnyCollector): AnyCollector[] {
  return [collector, ...(collector.dependsOn ?? []).flatMap(collectorsOf)];
}

const commandName = (command: object) => command.constructor.name.replace(/Command$/, '');

describe('S3 actions', () => {
  it('covers every command the S3 checks cause to be sent', async () => {
    // Answer everything with a bucket in one region and empty details; what matters is what gets sent.
    s3.onAnyCommand().resolves({ Buckets: [{ Name: 'b', BucketRegion: 'eu-west-1' }], PolicyStatus: { IsPublic: false } });
    s3control.onAnyCommand().resolves({});
    const ctx = collectContext();
    const collectors = [...new Set(s3Checks.flatMap((c) => c.needs as AnyCollector[]).flatMap(collectorsOf))];
    await Promise.all(collectors.map((c) => ctx.get(c)));

    const declared = new Set(collectors.flatMap((c) => c.actions));
    const s3Sent = s3.calls().map((call) => commandName(call.args[0]));
    const controlSent = s3control.calls().map((call) => commandName(call.args[0]));
    expect(s3Sent.length).toBeGreaterThan(0);
    for (const name of s3Sent) expect(declared).toContain(S3_COMMAND_ACTIONS[name as keyof typeof S3_COMMAND_ACTIONS]);
    for (const name of controlSent) expect(declared).toContain(S3CONTROL_COMMAND_ACTIONS[name as keyof typeof S3CONTROL_COMMAND_ACTIONS]);
    expect(new Set(s3Sent)).toEqual(new Set(Object.keys(S3_COMMAND_ACTIONS).filter((n) => n !== 'GetBucketLocation')));
    expect(controlSent).toEqual(['GetPublicAccessBlock']);
  });
});
