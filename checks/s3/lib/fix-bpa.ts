// Block Public Access, as the account-level and the bucket-level fix both change it: turn all four settings
// on, undo by putting back the four recorded ones (or deleting the configuration when there was none). The
// steps live here once; each fix says only where its configuration lives and what it says about it.
import { z } from 'zod';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import {
  NO_PUBLIC_ACCESS_BLOCK,
  PUBLIC_ACCESS_BLOCK_SETTINGS,
  publicAccessBlockConfig,
} from '../../../src/collectors/s3/public-access-block.ts';
import type { PublicAccessBlockConfig } from '../../../src/collectors/s3/types.ts';
import type { CheckResult } from '../../../src/engine/types.ts';
import { type FixContext, type FixDefinition, FixError, type NoInputs } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';

const ALL_ON: PublicAccessBlockConfig = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

const bpaStateSchema = z.object({
  /** False when there was no configuration at all: undo then deletes it rather than writing four "false". */
  configured: z.boolean(),
  config: z.object({
    BlockPublicAcls: z.boolean(),
    IgnorePublicAcls: z.boolean(),
    BlockPublicPolicy: z.boolean(),
    RestrictPublicBuckets: z.boolean(),
  }),
});
type BpaState = z.infer<typeof bpaStateSchema>;

function settingsOff(config: PublicAccessBlockConfig): string[] {
  return PUBLIC_ACCESS_BLOCK_SETTINGS.filter((setting) => !config[setting]);
}

function allOn(state: BpaState): boolean {
  return settingsOff(state.config).length === 0;
}

function sameBpa(a: BpaState, b: BpaState): boolean {
  return a.configured === b.configured && PUBLIC_ACCESS_BLOCK_SETTINGS.every((s) => a.config[s] === b.config[s]);
}

/**
 * One Block Public Access configuration (the account's or a bucket's), how to read and write it, and the
 * fix's sentences about it: each is said by the fix itself, in its own words.
 */
export interface BpaHolder {
  get(): Promise<{ PublicAccessBlockConfiguration?: Parameters<typeof publicAccessBlockConfig>[0] }>;
  put(config: PublicAccessBlockConfig): Promise<Written>;
  /** Deletes the configuration: undo's way back to none at all. */
  remove(): Promise<Written>;
  alreadyOn(): string;
  /** The plan, with the settings now off. */
  plan(off: string): string;
  /** The undo line when there is no configuration now, so undo deletes the one the fix writes. */
  undoDeletes(): string;
  warnings(): Promise<string[]>;
  applied(): string;
  alreadyAsBefore(): string;
  restored(): string;
  reconciledApplied(): string;
  reconciledNotApplied(): string;
}

type Written = { $metadata?: { requestId?: string } };

/** Block Public Access as the holder's Get answers it; no configuration at all is a state too. */
async function readBpa(holder: BpaHolder): Promise<BpaState> {
  try {
    const answer = await holder.get();
    return { configured: true, config: publicAccessBlockConfig(answer.PublicAccessBlockConfiguration) };
  } catch (err) {
    if (hasErrorCode(err, 'NoSuchPublicAccessBlockConfiguration')) return { configured: false, config: { ...NO_PUBLIC_ACCESS_BLOCK } };
    throw err;
  }
}

/** The settings an applied record says to put back. */
function recordedBpa(before: unknown, ctx: FixContext): BpaState {
  const parsed = bpaStateSchema.safeParse(before);
  // A record whose before-state was already all on changed nothing, so there is nothing to put back.
  if (!parsed.success || allOn(parsed.data)) throw new FixError(ctx.localized('s3:noBpaChange'));
  return parsed.data;
}

/** Makes the configuration `state`: its four settings, or none at all when `state.configured` is false. */
function writeBpa(holder: BpaHolder, state: BpaState): Promise<Written> {
  return state.configured ? holder.put(state.config) : holder.remove();
}

/** The four steps of a Block Public Access fix, for the holder a finding names. */
export function bpaSteps(
  holderOf: (finding: CheckResult, ctx: FixContext) => BpaHolder,
): Pick<FixDefinition<NoInputs>, 'preview' | 'apply' | 'undo' | 'reconcile'> {
  return {
    async preview(finding, ctx) {
      const holder = holderOf(finding, ctx);
      const current = await readBpa(holder);
      if (allOn(current)) return nothingToPreview(current, holder.alreadyOn());
      const lines = [holder.plan(settingsOff(current.config).join(', ')), current.configured ? ctx.say('s3:undoRestoresSettings') : holder.undoDeletes()];
      return { lines, warnings: await holder.warnings(), current, alreadyFixed: false };
    },

    async apply(finding, _inputs, ctx) {
      const holder = holderOf(finding, ctx);
      const before = await readBpa(holder);
      if (allOn(before)) return noChange(before, holder.alreadyOn());
      return writeAndVerify(ctx, {
        status: 'applied',
        before,
        write: () => holder.put(ALL_ON),
        read: () => readBpa(holder),
        done: allOn,
        message: holder.applied(),
      });
    },

    async undo(applied, ctx) {
      const before = recordedBpa(applied.before, ctx);
      const holder = holderOf(applied.finding, ctx);
      const now = await readBpa(holder);
      if (sameBpa(now, before)) return noChange(now, holder.alreadyAsBefore());
      return writeAndVerify(ctx, {
        status: 'undone',
        before: now,
        write: () => writeBpa(holder, before),
        read: () => readBpa(holder),
        done: (state) => sameBpa(state, before),
        message: holder.restored(),
      });
    },

    async reconcile(finding, _inputs, ctx) {
      const holder = holderOf(finding, ctx);
      const current = await readBpa(holder);
      return reconciled(allOn(current), current, { applied: holder.reconciledApplied(), notApplied: holder.reconciledNotApplied() });
    },
  };
}
