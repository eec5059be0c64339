// Deactivates one IAM user access key: never deletes it, so undo can make it Active again. The credential
// report names keys only by slot (access_key_1/2), so the key id is found with ListAccessKeys: slot 1 is the
// older key by CreateDate, and the report's last_rotated time, when the finding carries it, must match.
import {
  GetAccessKeyLastUsedCommand,
  IAMClient,
  paginateListAccessKeys,
  type StatusType,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import type { CheckResult } from '../../../src/engine/types.ts';
import { daysBetween, defineFix, type FixContext, FixError } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';

const ROOT_USER = '<root_account>';
const SLOT = /^access_key_([12])$/;
const KEY_ID = /^A[KS]IA[A-Z0-9]{12,}$/;
/** A key used this recently is probably still needed by something. */
const RECENT_USE_DAYS = 7;

interface KeyTarget {
  userName: string;
  /** 1 or 2, from the credential report slot; or the key id itself when the finding has it. */
  slot?: number;
  accessKeyId?: string;
  /** The report's access_key_N_last_rotated: the key's CreateDate. */
  lastRotated?: Date;
}

function userNameOf(finding: CheckResult): string | undefined {
  const user = finding.details.user ?? finding.details.userName;
  if (typeof user === 'string' && user) return user;
  const arn = finding.resourceArn ?? finding.resourceId;
  const marker = ':user/';
  if (arn.includes(marker)) return arn.slice(arn.lastIndexOf('/') + 1);
  return arn.startsWith('arn:') ? undefined : arn;
}

function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** Which key the finding is about; undefined for the root user and for findings about a password. */
function targetOf(finding: CheckResult): KeyTarget | undefined {
  const userName = userNameOf(finding);
  if (!userName || userName === ROOT_USER || finding.resourceArn?.endsWith(':root')) return undefined;
  const sub = finding.subResourceId ?? finding.details.slot;
  if (typeof sub !== 'string') return undefined;
  const lastRotated = dateOf(finding.details.lastRotated);
  const rotated = lastRotated ? { lastRotated } : {};
  const slot = SLOT.exec(sub);
  if (slot) return { userName, slot: Number(slot[1]), ...rotated };
  if (KEY_ID.test(sub)) return { userName, accessKeyId: sub, ...rotated };
  return undefined;
}

function requireTarget(finding: CheckResult): KeyTarget {
  const target = targetOf(finding);
  if (!target) {
    throw new FixError({
      en: `The finding for ${finding.resourceId} does not name a user's access key (slot access_key_1/2 or a key id)`,
      ja: `${finding.resourceId} の検出結果に、ユーザーのアクセスキー (スロット access_key_1/2 またはキー ID) が示されていません`,
    });
  }
  return target;
}

const keySchema = z.object({
  userName: z.string(),
  accessKeyId: z.string(),
  status: z.enum(['Active', 'Inactive', 'Expired']),
  createDate: z.string().optional(),
});
type KeyState = z.infer<typeof keySchema>;

function iam(ctx: FixContext): IAMClient {
  return ctx.session.client(IAMClient, ctx.session.homeRegion);
}

/** The user's keys, oldest first; empty when the user no longer exists. */
async function listKeys(ctx: FixContext, userName: string): Promise<KeyState[]> {
  const keys: KeyState[] = [];
  try {
    for await (const page of paginateListAccessKeys({ client: iam(ctx) }, { UserName: userName })) {
      for (const k of page.AccessKeyMetadata ?? []) {
        if (!k.AccessKeyId || !k.Status) throw new Error(`ListAccessKeys answered without a key id or status for ${userName}`);
        keys.push({
          userName,
          accessKeyId: k.AccessKeyId,
          status: k.Status,
          ...(k.CreateDate ? { createDate: k.CreateDate.toISOString() } : {}),
        });
      }
    }
  } catch (err) {
    if (hasErrorCode(err, 'NoSuchEntity', 'NoSuchEntityException')) return [];
    throw err;
  }
  return keys.sort((a, b) => (a.createDate ?? '').localeCompare(b.createDate ?? ''));
}

/** The key the finding is about, read now; undefined once it (or its user) is gone. */
async function resolveKey(ctx: FixContext, target: KeyTarget): Promise<KeyState | undefined> {
  const keys = await listKeys(ctx, target.userName);
  if (target.accessKeyId) return keys.find((k) => k.accessKeyId === target.accessKeyId);
  if (target.lastRotated) {
    // The report has second precision; a key created at another time is another key (the old one was deleted).
    const at = target.lastRotated.getTime();
    return keys.find((k) => k.createDate !== undefined && Math.abs(Date.parse(k.createDate) - at) < 1000);
  }
  return target.slot ? keys[target.slot - 1] : undefined;
}

function keyLabel(key: KeyState): string {
  return `${key.accessKeyId} (${key.userName})`;
}

function goneMessage(target: KeyTarget, ctx: FixContext): string {
  return ctx.text({
    en: `The access key of ${target.userName} named by the finding no longer exists. Nothing was changed.`,
    ja: `検出結果が示す ${target.userName} のアクセスキーはもう存在しません。何も変更していません。`,
  });
}

function inactiveMessage(key: KeyState, ctx: FixContext): string {
  return ctx.text({
    en: `Access key ${keyLabel(key)} is already ${key.status}. Nothing was changed.`,
    ja: `アクセスキー ${keyLabel(key)} はすでに ${key.status} です。何も変更していません。`,
  });
}

async function setStatus(ctx: FixContext, key: KeyState, status: StatusType) {
  return iam(ctx).send(new UpdateAccessKeyCommand({ UserName: key.userName, AccessKeyId: key.accessKeyId, Status: status }));
}

async function readKey(ctx: FixContext, key: KeyState): Promise<KeyState | undefined> {
  return (await listKeys(ctx, key.userName)).find((k) => k.accessKeyId === key.accessKeyId);
}

export const accessKeyFix = defineFix({
  id: 'iam.deactivate-access-key',
  checkIds: ['iam.access-key-rotation', 'iam.unused-credentials', 'iam.initial-access-key'],
  title: { en: 'Deactivate the access key (not delete)', ja: 'アクセスキーを無効化する (削除はしない)' },
  actions: {
    read: ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
    write: ['iam:UpdateAccessKey'],
  },
  // Password findings of iam.unused-credentials have no key: deleting a login profile can't be undone.
  supports: (finding) => targetOf(finding) !== undefined,

  async preview(finding, ctx) {
    const target = requireTarget(finding);
    const key = await resolveKey(ctx, target);
    if (!key) return nothingToPreview(null, goneMessage(target, ctx));
    if (key.status !== 'Active') return nothingToPreview(key, inactiveMessage(key, ctx));
    const now = ctx.clock.now();
    const created = key.createDate ? new Date(key.createDate) : undefined;
    const lines = [
      created
        ? ctx.text({
            en: `Deactivate access key ${key.accessKeyId} of user ${key.userName}, created ${key.createDate?.slice(0, 10)} (${daysBetween(created, now)} day(s) ago).`,
            ja: `ユーザー ${key.userName} のアクセスキー ${key.accessKeyId} を無効化します。作成日: ${key.createDate?.slice(0, 10)} (${daysBetween(created, now)} 日前)。`,
          })
        : ctx.text({
            en: `Deactivate access key ${key.accessKeyId} of user ${key.userName}.`,
            ja: `ユーザー ${key.userName} のアクセスキー ${key.accessKeyId} を無効化します。`,
          }),
    ];
    const warnings: string[] = [];
    const used = (await iam(ctx).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId }))).AccessKeyLastUsed;
    const usedAt = used?.LastUsedDate;
    if (usedAt) {
      const days = daysBetween(usedAt, now);
      const service = used.ServiceName && used.ServiceName !== 'N/A' ? used.ServiceName : '?';
      const region = used.Region && used.Region !== 'N/A' ? used.Region : '?';
      lines.push(
        ctx.text({
          en: `Last used ${usedAt.toISOString().slice(0, 10)} (${days} day(s) ago) for ${service} in ${region}.`,
          ja: `最終使用日: ${usedAt.toISOString().slice(0, 10)} (${days} 日前)、サービス ${service}、リージョン ${region}。`,
        }),
      );
      if (days < RECENT_USE_DAYS) {
        warnings.push(
          ctx.text({
            en: `This key was used ${days} day(s) ago (${service}): whatever uses it will start failing. Find the caller in CloudTrail by the key id and move it to a role or a new key first.`,
            ja: `このキーは ${days} 日前に使われています (${service})。これを使っているものは失敗し始めます。先に CloudTrail でキー ID から呼び出し元を特定し、ロールか新しいキーに移行してください。`,
          }),
        );
      }
    } else {
      lines.push(ctx.text({ en: 'It has never been used.', ja: 'このキーは一度も使われていません。' }));
    }
    lines.push(
      ctx.text({
        en: 'The key is deactivated, not deleted: anything still using it fails until undo makes it Active again.',
        ja: 'キーは削除せず無効化するだけです。まだこのキーを使っているものは、取り消し (Undo) で再び有効にするまで失敗します。',
      }),
    );
    return { lines, warnings, current: key, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const target = requireTarget(finding);
    const key = await resolveKey(ctx, target);
    if (!key) return noChange(null, goneMessage(target, ctx));
    if (key.status !== 'Active') return noChange(key, inactiveMessage(key, ctx));
    return writeAndVerify(ctx, {
      status: 'applied',
      before: key,
      write: () => setStatus(ctx, key, 'Inactive'),
      read: () => readKey(ctx, key),
      done: (now) => now?.status === 'Inactive',
      message: ctx.text({
        en: `Deactivated access key ${keyLabel(key)}. It still exists; undo makes it Active again.`,
        ja: `アクセスキー ${keyLabel(key)} を無効化しました。キーは残っており、取り消し (Undo) で再び有効にできます。`,
      }),
    });
  },

  async undo(applied, ctx) {
    const before = keySchema.safeParse(applied.before);
    if (!before.success || before.data.status !== 'Active') {
      throw new FixError({
        en: 'This record has no deactivated key to reactivate (the fix changed nothing)',
        ja: 'この記録には再び有効にする無効化済みのキーがありません (修正では何も変更していません)',
      });
    }
    const now = await readKey(ctx, before.data);
    if (!now) {
      throw new FixError({
        en: `Access key ${keyLabel(before.data)} was deleted since, so it cannot be reactivated`,
        ja: `アクセスキー ${keyLabel(before.data)} はその後削除されたため、再び有効にできません`,
      });
    }
    if (now.status === 'Active') {
      return noChange(
        now,
        ctx.text({
          en: `Access key ${keyLabel(now)} is already Active. Nothing was changed.`,
          ja: `アクセスキー ${keyLabel(now)} はすでに有効です。何も変更していません。`,
        }),
      );
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => setStatus(ctx, now, 'Active'),
      read: () => readKey(ctx, now),
      done: (key) => key?.status === 'Active',
      message: ctx.text({ en: `Access key ${keyLabel(now)} is Active again.`, ja: `アクセスキー ${keyLabel(now)} を再び有効にしました。` }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const target = requireTarget(finding);
    const key = await resolveKey(ctx, target);
    if (key && key.status !== 'Active') {
      return {
        state: 'changed',
        current: key,
        message: ctx.text({
          en: `Access key ${keyLabel(key)} is ${key.status}: the fix was applied before the interruption.`,
          ja: `アクセスキー ${keyLabel(key)} は ${key.status} です。中断の前に修正は適用されていました。`,
        }),
      };
    }
    return {
      state: 'unchanged',
      current: key ?? null,
      message: key
        ? ctx.text({
            en: `Access key ${keyLabel(key)} is still Active: the fix was not applied.`,
            ja: `アクセスキー ${keyLabel(key)} はまだ有効です。修正は適用されていません。`,
          })
        : goneMessage(target, ctx),
    };
  },
});
