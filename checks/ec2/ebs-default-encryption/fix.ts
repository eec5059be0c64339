// Turns on EBS encryption by default in the finding's region: every new volume and snapshot copy is then
// encrypted, whoever creates it. Existing volumes are untouched. Undo turns it off again.
import {
  DisableEbsEncryptionByDefaultCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import { defineFix, type FixContext, FixError, dryRunWarning, tryDryRun } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { ec2Client } from '../lib/fix-client.ts';
import { fixWords } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const stateSchema = z.object({ region: z.string(), enabled: z.boolean() });
type EncryptionState = z.infer<typeof stateSchema>;

async function readState(ctx: FixContext, region: string): Promise<EncryptionState> {
  const answer = await ec2Client(ctx, region).send(new GetEbsEncryptionByDefaultCommand({}));
  if (answer.EbsEncryptionByDefault === undefined) throw new Error('GetEbsEncryptionByDefault answered without EbsEncryptionByDefault');
  return { region, enabled: answer.EbsEncryptionByDefault };
}

async function setEnabled(ctx: FixContext, region: string, enabled: boolean, dryRun = false) {
  const input = dryRun ? { DryRun: true } : {};
  const client = ec2Client(ctx, region);
  return enabled
    ? client.send(new EnableEbsEncryptionByDefaultCommand(input))
    : client.send(new DisableEbsEncryptionByDefaultCommand(input));
}

export const ebsDefaultEncryptionFix = defineFix({
  id: 'ec2.enable-ebs-default-encryption',
  checkIds: ['ec2.ebs-default-encryption'],
  words: fixWords(en, ja),
  actions: {
    read: ['ec2:GetEbsEncryptionByDefault', 'ec2:GetEbsDefaultKmsKeyId'],
    write: ['ec2:EnableEbsEncryptionByDefault', 'ec2:DisableEbsEncryptionByDefault'],
  },
  // The setting is per region: a finding without a real region cannot say where to turn it on.
  supports: (finding) => finding.region !== GLOBAL_REGION,

  async preview(finding, ctx) {
    const region = finding.region;
    const current = await readState(ctx, region);
    if (current.enabled) return nothingToPreview(current, ctx.say('alreadyOn', { region }));
    const key = (await ec2Client(ctx, region).send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId ?? 'alias/aws/ebs';
    const lines = [ctx.say('plan', { region, key }), ctx.say('undoPlan')];
    const warnings = [ctx.say('keyAccess', { key })];
    const dryRun = await tryDryRun(() => setEnabled(ctx, region, true, true));
    return { lines, warnings: [...warnings, ...dryRunWarning(dryRun, ctx)], dryRun, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const region = finding.region;
    const before = await readState(ctx, region);
    if (before.enabled) return noChange(before, ctx.say('alreadyOn', { region }));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => setEnabled(ctx, region, true),
      read: () => readState(ctx, region),
      done: (now) => now.enabled,
      message: ctx.say('applied', { region }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success || before.data.enabled) {
      throw new FixError(ctx.localized('nothingToUndo'));
    }
    const region = before.data.region;
    const now = await readState(ctx, region);
    if (!now.enabled) {
      return noChange(now, ctx.say('alreadyOff', { region }));
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => setEnabled(ctx, region, false),
      read: () => readState(ctx, region),
      done: (state) => !state.enabled,
      message: ctx.say('undone', { region }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const region = finding.region;
    const current = await readState(ctx, region);
    return reconciled(current.enabled, current, {
      applied: ctx.say('reconciledApplied', { region }),
      notApplied: ctx.say('reconciledNotApplied', { region }),
    });
  },
});
