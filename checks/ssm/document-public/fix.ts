// Stops sharing an account-owned Systems Manager document with everyone: removes only the "all" share, so
// accounts it is shared with by id keep it. Undo shares the same version publicly again.
import {
  DescribeDocumentPermissionCommand,
  type DescribeDocumentPermissionCommandOutput,
  ModifyDocumentPermissionCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import type { CheckResult } from '../../../src/engine/types.ts';
import { defineFix, type FixContext, FixError } from '../../../src/remediation/fix.ts';
import {
  goneBeforeUndo,
  noChange,
  noLongerExists,
  nothingToPreview,
  reconciled,
  writeAndVerify,
} from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { fixWords } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** The document name: details.documentName or details.name when given, else the resource id (or its ARN's tail). */
function documentNameOf(finding: CheckResult): string {
  for (const key of ['documentName', 'name']) {
    const value = finding.details[key];
    if (typeof value === 'string' && value) return value;
  }
  const marker = ':document/';
  const id = finding.resourceId;
  return id.includes(marker) ? id.slice(id.indexOf(marker) + marker.length) : id;
}

const stateSchema = z.object({
  name: z.string(),
  public: z.boolean(),
  publicVersion: z.string().optional(),
  sharedWithAccounts: z.array(z.string()),
});
type ShareState = z.infer<typeof stateSchema>;

/** Who the document is shared with now; undefined once it is deleted. */
async function readState(ctx: FixContext, region: string, name: string): Promise<ShareState | undefined> {
  const client = ctx.session.client(SSMClient, region);
  const accounts: string[] = [];
  let publicVersion: string | undefined;
  let token: string | undefined;
  try {
    // No SDK paginator exists for this call, but it does page.
    do {
      const page: DescribeDocumentPermissionCommandOutput = await client.send(
        new DescribeDocumentPermissionCommand({ Name: name, PermissionType: 'Share', ...(token ? { NextToken: token } : {}) }),
      );
      accounts.push(...(page.AccountIds ?? []));
      for (const info of page.AccountSharingInfoList ?? []) if (info.AccountId === 'all') publicVersion = info.SharedDocumentVersion;
      token = page.NextToken;
    } while (token);
  } catch (err) {
    if (hasErrorCode(err, 'InvalidDocument')) return undefined;
    throw err;
  }
  return {
    name,
    public: accounts.some((a) => a.toLowerCase() === 'all'),
    ...(publicVersion ? { publicVersion } : {}),
    sharedWithAccounts: accounts.filter((a) => a.toLowerCase() !== 'all').sort(),
  };
}

async function share(ctx: FixContext, region: string, state: { name: string; publicVersion?: string | undefined }, makePublic: boolean) {
  return ctx.session.client(SSMClient, region).send(
    new ModifyDocumentPermissionCommand({
      Name: state.name,
      PermissionType: 'Share',
      ...(makePublic
        ? { AccountIdsToAdd: ['all'], ...(state.publicVersion ? { SharedDocumentVersion: state.publicVersion } : {}) }
        : { AccountIdsToRemove: ['all'] }),
    }),
  );
}

function nothingToDo(name: string, state: ShareState | undefined, ctx: FixContext): string {
  return state
    ? ctx.say('notPublic', { document: name })
    : noLongerExists(ctx.localized('document', { document: name }), ctx);
}

export const documentPublicFix = defineFix({
  id: 'ssm.make-document-private',
  checkIds: ['ssm.document-public'],
  words: fixWords(en, ja),
  actions: {
    read: ['ssm:DescribeDocumentPermission'],
    write: ['ssm:ModifyDocumentPermission'],
  },

  async preview(finding, ctx) {
    const name = documentNameOf(finding);
    const current = await readState(ctx, finding.region, name);
    if (!current?.public) return nothingToPreview(current ?? null, nothingToDo(name, current, ctx));
    const shared = { document: name, count: current.sharedWithAccounts.length };
    const plan = current.publicVersion ? ctx.say('planVersion', { ...shared, version: current.publicVersion }) : ctx.say('plan', shared);
    return { lines: [plan, ctx.say('undoPlan')], warnings: [ctx.say('exposed')], current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const name = documentNameOf(finding);
    const region = finding.region;
    const before = await readState(ctx, region, name);
    if (!before?.public) return noChange(before ?? null, nothingToDo(name, before, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => share(ctx, region, before, false),
      read: () => readState(ctx, region, name),
      done: (now) => now?.public === false,
      message: ctx.say('applied', { document: name }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success || !before.data.public) {
      throw new FixError(ctx.localized('nothingToUndo'));
    }
    const region = applied.finding.region;
    const { name } = before.data;
    const now = await readState(ctx, region, name);
    if (!now) throw goneBeforeUndo(ctx.localized('document', { document: name }));
    if (now.public) return noChange(now, ctx.say('alreadyPublic', { document: name }));
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => share(ctx, region, before.data, true),
      read: () => readState(ctx, region, name),
      done: (state) => state?.public === true,
      message: ctx.say('undone', { document: name }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const name = documentNameOf(finding);
    const current = await readState(ctx, finding.region, name);
    return reconciled(current?.public === false, current ?? null, {
      applied: ctx.say('reconciledApplied', { document: name }),
      notApplied: current ? ctx.say('reconciledStillPublic', { document: name }) : ctx.say('reconciledGone', { document: name }),
    });
  },
});
