// Requires IMDSv2 (session tokens) on one instance, so a server-side request forgery can no longer read the
// instance role's credentials with a plain GET. Only HttpTokens changes; undo sets it back to optional.
import { DescribeInstancesCommand, ModifyInstanceMetadataOptionsCommand } from '@aws-sdk/client-ec2';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import { defineFix, type FixContext, FixError, dryRunWarning, tryDryRun } from '../../../src/remediation/fix.ts';
import { goneBeforeUndo, noChange, noLongerExists, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { ec2Client, ec2IdOf, INSTANCE_ID, requireEc2Id } from '../lib/fix-client.ts';
import { fixWords } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const stateSchema = z.object({ instanceId: z.string(), httpTokens: z.string() });
type MetadataState = z.infer<typeof stateSchema>;

interface LiveInstance extends MetadataState {
  name?: string;
  hopLimit?: number;
  httpEndpoint?: string;
}

/** The instance's metadata options now; undefined once it is terminated or gone. */
async function readInstance(ctx: FixContext, region: string, instanceId: string): Promise<LiveInstance | undefined> {
  try {
    const answer = await ec2Client(ctx, region).send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const instance = answer.Reservations?.flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === instanceId);
    const state = instance?.State?.Name;
    if (!instance || state === 'terminated' || state === 'shutting-down') return undefined;
    const options = instance.MetadataOptions;
    if (!options?.HttpTokens) throw new Error(`DescribeInstances answered without MetadataOptions.HttpTokens for ${instanceId}`);
    const name = instance.Tags?.find((t) => t.Key === 'Name')?.Value;
    return {
      instanceId,
      httpTokens: options.HttpTokens,
      ...(name ? { name } : {}),
      ...(options.HttpPutResponseHopLimit === undefined ? {} : { hopLimit: options.HttpPutResponseHopLimit }),
      ...(options.HttpEndpoint ? { httpEndpoint: options.HttpEndpoint } : {}),
    };
  } catch (err) {
    if (hasErrorCode(err, 'InvalidInstanceID.NotFound', 'InvalidInstanceID.Malformed')) return undefined;
    throw err;
  }
}

const state = (live: LiveInstance): MetadataState => ({ instanceId: live.instanceId, httpTokens: live.httpTokens });

function label(live: LiveInstance): string {
  return live.name ? `${live.instanceId} (${live.name})` : live.instanceId;
}

/** Gone, already requiring tokens, or with no metadata service at all (the check passes that too). */
function settled(live: LiveInstance | undefined): boolean {
  return !live || live.httpTokens === 'required' || live.httpEndpoint === 'disabled';
}

function nothingToDo(instanceId: string, live: LiveInstance | undefined, ctx: FixContext): string {
  if (!live) return noLongerExists(ctx.localized('instance', { instance: instanceId }), ctx);
  if (live.httpTokens !== 'required') return ctx.say('metadataOff', { instance: label(live) });
  return ctx.say('alreadyRequired', { instance: label(live) });
}

async function setTokens(ctx: FixContext, region: string, instanceId: string, httpTokens: 'required' | 'optional', dryRun = false) {
  return ec2Client(ctx, region).send(
    new ModifyInstanceMetadataOptionsCommand({ InstanceId: instanceId, HttpTokens: httpTokens, ...(dryRun ? { DryRun: true } : {}) }),
  );
}

export const imdsv2Fix = defineFix({
  id: 'ec2.require-imdsv2',
  checkIds: ['ec2.imdsv2-not-required'],
  words: fixWords(en, ja),
  actions: {
    read: ['ec2:DescribeInstances'],
    write: ['ec2:ModifyInstanceMetadataOptions'],
  },
  supports: (finding) => ec2IdOf(finding, INSTANCE_ID) !== undefined,

  async preview(finding, ctx) {
    const instanceId = requireEc2Id(finding, INSTANCE_ID, ctx);
    const live = await readInstance(ctx, finding.region, instanceId);
    if (settled(live) || !live) return nothingToPreview(live ? state(live) : null, nothingToDo(instanceId, live, ctx));
    const lines = [ctx.say('plan', { instance: label(live), tokens: live.httpTokens }), ctx.say('undoPlan')];
    const warnings = [ctx.say('imdsv1Users')];
    if (live.hopLimit === 1) warnings.push(ctx.say('hopLimit'));
    const dryRun = await tryDryRun(() => setTokens(ctx, finding.region, instanceId, 'required', true));
    return { lines, warnings: [...warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current: state(live), alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const instanceId = requireEc2Id(finding, INSTANCE_ID, ctx);
    const region = finding.region;
    const live = await readInstance(ctx, region, instanceId);
    if (settled(live) || !live) return noChange(live ? state(live) : null, nothingToDo(instanceId, live, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before: state(live),
      write: () => setTokens(ctx, region, instanceId, 'required'),
      read: () => readInstance(ctx, region, instanceId),
      done: (now) => now?.httpTokens === 'required',
      record: (now) => (now ? state(now) : null),
      message: ctx.say('applied', { instance: label(live) }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success) {
      throw new FixError(ctx.localized('nothingToUndo'));
    }
    const { instanceId, httpTokens } = before.data;
    const region = applied.finding.region;
    const live = await readInstance(ctx, region, instanceId);
    if (!live) throw goneBeforeUndo(ctx.localized('instance', { instance: instanceId }));
    const target = httpTokens === 'required' ? 'required' : 'optional';
    if (live.httpTokens === target) {
      return noChange(state(live), ctx.say('alreadyTokens', { instance: label(live), tokens: target }));
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: state(live),
      write: () => setTokens(ctx, region, instanceId, target),
      read: () => readInstance(ctx, region, instanceId),
      done: (now) => now?.httpTokens === target,
      record: (now) => (now ? state(now) : null),
      message: ctx.say('undone', { instance: label(live), tokens: target }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const instanceId = requireEc2Id(finding, INSTANCE_ID, ctx);
    const live = await readInstance(ctx, finding.region, instanceId);
    return reconciled(live?.httpTokens === 'required', live ? state(live) : null, {
      applied: ctx.say('reconciledApplied', { instance: live ? label(live) : instanceId }),
      notApplied: live ? ctx.say('reconciledNotApplied', { instance: instanceId }) : ctx.say('reconciledGone', { instance: instanceId }),
    });
  },
});
