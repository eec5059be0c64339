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
import { daysBetween, defineFix, type FixContext, FixError, type FixOutcome } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { fixWords } from '../../lib/words.ts';
import en from './access-key.words.en.json' with { type: 'json' };
import ja from './access-key.words.ja.json' with { type: 'json' };

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

function requireTarget(finding: CheckResult, ctx: FixContext): KeyTarget {
  const target = targetOf(finding);
  if (!target) throw new FixError(ctx.localized('noKey', { resource: finding.resourceId }));
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
  return ctx.say('gone', { user: target.userName });
}

function inactiveMessage(key: KeyState, ctx: FixContext): string {
  return ctx.say('alreadyInactive', { key: keyLabel(key), status: key.status });
}

async function readKey(ctx: FixContext, key: KeyState): Promise<KeyState | undefined> {
  return (await listKeys(ctx, key.userName)).find((k) => k.accessKeyId === key.accessKeyId);
}

/** The one write of apply (to Inactive) and of undo (to Active), read back until IAM shows it. */
async function setStatus(ctx: FixContext, step: 'applied' | 'undone', key: KeyState, status: StatusType, message: string): Promise<FixOutcome> {
  return writeAndVerify(ctx, {
    status: step,
    before: key,
    write: () => iam(ctx).send(new UpdateAccessKeyCommand({ UserName: key.userName, AccessKeyId: key.accessKeyId, Status: status })),
    read: () => readKey(ctx, key),
    done: (now) => now?.status === status,
    message,
  });
}

export const accessKeyFix = defineFix({
  id: 'iam.deactivate-access-key',
  checkIds: ['iam.access-key-rotation', 'iam.unused-credentials', 'iam.initial-access-key'],
  words: fixWords(en, ja),
  actions: {
    read: ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
    write: ['iam:UpdateAccessKey'],
  },
  // Password findings of iam.unused-credentials have no key: deleting a login profile can't be undone.
  supports: (finding) => targetOf(finding) !== undefined,

  async preview(finding, ctx) {
    const target = requireTarget(finding, ctx);
    const key = await resolveKey(ctx, target);
    if (!key) return nothingToPreview(null, goneMessage(target, ctx));
    if (key.status !== 'Active') return nothingToPreview(key, inactiveMessage(key, ctx));
    const now = ctx.clock.now();
    const named = { keyId: key.accessKeyId, user: key.userName };
    const lines = [
      key.createDate
        ? ctx.say('planCreated', { ...named, created: key.createDate.slice(0, 10), count: daysBetween(new Date(key.createDate), now) })
        : ctx.say('plan', named),
    ];
    const warnings: string[] = [];
    const used = (await iam(ctx).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId }))).AccessKeyLastUsed;
    const usedAt = used?.LastUsedDate;
    if (usedAt) {
      const days = daysBetween(usedAt, now);
      const service = used.ServiceName && used.ServiceName !== 'N/A' ? used.ServiceName : '?';
      const region = used.Region && used.Region !== 'N/A' ? used.Region : '?';
      lines.push(ctx.say('lastUsed', { date: usedAt.toISOString().slice(0, 10), count: days, service, region }));
      if (days < RECENT_USE_DAYS) warnings.push(ctx.say('recentlyUsed', { count: days, service }));
    } else {
      lines.push(ctx.say('neverUsed'));
    }
    lines.push(ctx.say('notDeleted'));
    return { lines, warnings, current: key, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const target = requireTarget(finding, ctx);
    const key = await resolveKey(ctx, target);
    if (!key) return noChange(null, goneMessage(target, ctx));
    if (key.status !== 'Active') return noChange(key, inactiveMessage(key, ctx));
    return setStatus(ctx, 'applied', key, 'Inactive', ctx.say('applied', { key: keyLabel(key) }));
  },

  async undo(applied, ctx) {
    const before = keySchema.safeParse(applied.before);
    if (!before.success || before.data.status !== 'Active') {
      throw new FixError(ctx.localized('nothingToUndo'));
    }
    const now = await readKey(ctx, before.data);
    if (!now) throw new FixError(ctx.localized('deletedSince', { key: keyLabel(before.data) }));
    if (now.status === 'Active') return noChange(now, ctx.say('alreadyActive', { key: keyLabel(now) }));
    return setStatus(ctx, 'undone', now, 'Active', ctx.say('undone', { key: keyLabel(now) }));
  },

  async reconcile(finding, _inputs, ctx) {
    const target = requireTarget(finding, ctx);
    const key = await resolveKey(ctx, target);
    if (key && key.status !== 'Active') {
      return { state: 'changed', current: key, message: ctx.say('reconciledApplied', { key: keyLabel(key), status: key.status }) };
    }
    return {
      state: 'unchanged',
      current: key ?? null,
      message: key ? ctx.say('reconciledStillActive', { key: keyLabel(key) }) : goneMessage(target, ctx),
    };
  },
});
