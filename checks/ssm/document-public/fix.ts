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

const documentName = (name: string) => ({ en: `Document ${name}`, ja: `ドキュメント ${name}` });

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
    ? ctx.text({
        en: `Document ${name} is not shared publicly any more. Nothing was changed.`,
        ja: `ドキュメント ${name} はもう公開共有されていません。何も変更していません。`,
      })
    : noLongerExists(documentName(name), ctx);
}

export const documentPublicFix = defineFix({
  id: 'ssm.make-document-private',
  checkIds: ['ssm.document-public'],
  title: { en: 'Stop sharing the Systems Manager document publicly', ja: 'Systems Manager ドキュメントの公開共有を停止する' },
  actions: {
    read: ['ssm:DescribeDocumentPermission'],
    write: ['ssm:ModifyDocumentPermission'],
  },

  async preview(finding, ctx) {
    const name = documentNameOf(finding);
    const current = await readState(ctx, finding.region, name);
    if (!current?.public) return nothingToPreview(current ?? null, nothingToDo(name, current, ctx));
    const lines = [
      ctx.text({
        en: `Stop sharing document ${name}${current.publicVersion ? ` (version ${current.publicVersion})` : ''} with everyone. The ${current.sharedWithAccounts.length} account(s) it is shared with by id keep it.`,
        ja: `ドキュメント ${name}${current.publicVersion ? ` (バージョン ${current.publicVersion})` : ''} の全員への共有を停止します。ID を指定して共有している ${current.sharedWithAccounts.length} 個のアカウントはそのまま使えます。`,
      }),
      ctx.text({
        en: 'Undo shares the same version publicly again.',
        ja: '取り消し (Undo) では同じバージョンを再び公開共有します。',
      }),
    ];
    const warnings = [
      ctx.text({
        en: 'While public, anyone could read it: if it contains secrets, internal host names or credentials, treat them as exposed and rotate them.',
        ja: '公開中は誰でも読めました。秘密情報、社内ホスト名、認証情報が含まれている場合は漏えいしたものとして扱い、ローテーションしてください。',
      }),
    ];
    return { lines, warnings, current, alreadyFixed: false };
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
      message: ctx.text({ en: `Document ${name} is no longer shared publicly.`, ja: `ドキュメント ${name} の公開共有を停止しました。` }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success || !before.data.public) {
      throw new FixError({
        en: 'This record has no public share to put back (the fix changed nothing)',
        ja: 'この記録には元に戻す公開共有がありません (修正では何も変更していません)',
      });
    }
    const region = applied.finding.region;
    const { name } = before.data;
    const now = await readState(ctx, region, name);
    if (!now) throw goneBeforeUndo(documentName(name));
    if (now.public) {
      return noChange(
        now,
        ctx.text({
          en: `Document ${name} is already shared publicly. Nothing was changed.`,
          ja: `ドキュメント ${name} はすでに公開共有されています。何も変更していません。`,
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => share(ctx, region, before.data, true),
      read: () => readState(ctx, region, name),
      done: (state) => state?.public === true,
      message: ctx.text({ en: `Document ${name} is shared publicly again.`, ja: `ドキュメント ${name} を再び公開共有しました。` }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const name = documentNameOf(finding);
    const current = await readState(ctx, finding.region, name);
    return reconciled(current?.public === false, current ?? null, {
      applied: ctx.text({
        en: `Document ${name} is not shared publicly: the fix was applied before the interruption.`,
        ja: `ドキュメント ${name} は公開共有されていません。中断の前に修正は適用されていました。`,
      }),
      notApplied: ctx.text({
        en: `Document ${name} is ${current ? 'still shared publicly' : 'gone'}: the fix was not applied.`,
        ja: `ドキュメント ${name} は${current ? 'まだ公開共有されています' : '存在しません'}。修正は適用されていません。`,
      }),
    });
  },
});
