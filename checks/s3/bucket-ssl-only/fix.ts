// Adds one statement to the bucket policy that denies every request not made over TLS
// (aws:SecureTransport = false); the existing statements stay as they are. Undo restores the previous
// policy text (or deletes the policy if there was none); if someone edited the policy since, undo removes
// only our statement, so their change survives.
import { DeleteBucketPolicyCommand, GetBucketPolicyCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { hasErrorCode } from '../../../src/aws/errors.ts';
import { defineFix, type FixContext, FixError } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { type BucketRef, bucketOf, hostsWebsite, requireBucket, s3Client } from '../lib/fix-client.ts';
import { tlsDenyCoverage } from '../lib/tls-deny.ts';
import { fixWords } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** Our statement's Sid, so undo can find it again among anyone else's. */
export const TLS_SID = 'AwscheckDenyInsecureTransport';

const stateSchema = z.object({ policy: z.string().nullable() });
type PolicyState = z.infer<typeof stateSchema>;

type Statement = Record<string, unknown>;
interface PolicyDocument {
  Version?: string;
  Statement: Statement[];
  [key: string]: unknown;
}

async function readState(ctx: FixContext, bucket: BucketRef): Promise<PolicyState> {
  try {
    const answer = await s3Client(ctx, bucket).send(new GetBucketPolicyCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }));
    return { policy: answer.Policy ?? null };
  } catch (err) {
    if (hasErrorCode(err, 'NoSuchBucketPolicy')) return { policy: null };
    throw err;
  }
}

function parse(policy: string | null, bucket: BucketRef, ctx: FixContext): PolicyDocument {
  if (policy === null) return { Version: '2012-10-17', Statement: [] };
  let value: unknown;
  try {
    value = JSON.parse(policy);
  } catch {
    throw new FixError(ctx.localized('notJson', { bucket: bucket.name }));
  }
  if (!value || typeof value !== 'object') throw new FixError(ctx.localized('notObject', { bucket: bucket.name }));
  const doc = value as Record<string, unknown>;
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? (raw as Statement[]) : raw && typeof raw === 'object' ? [raw as Statement] : [];
  return { ...doc, Statement: statements };
}

/** Judged as the check judges it (tls-deny.ts): a fix must never call "done" what the check still fails. */
function enforced(state: PolicyState, bucket: BucketRef, ctx: FixContext): boolean {
  if (state.policy === null) return false;
  const coverage = tlsDenyCoverage(state.policy, bucket.arn);
  if (!coverage.ok) throw new FixError(ctx.localized('unreadable', { bucket: bucket.name, error: coverage.error }));
  return coverage.value.bucket && coverage.value.objects;
}

/** The statement this fix added: our Sid (numbered if the plain one was taken). */
function isOurs(statement: Statement): boolean {
  return typeof statement.Sid === 'string' && statement.Sid.startsWith(TLS_SID) && statement.Effect === 'Deny';
}

function withTlsStatement(doc: PolicyDocument, bucket: BucketRef): PolicyDocument {
  const taken = new Set(doc.Statement.map((s) => s.Sid));
  let sid = TLS_SID;
  for (let n = 2; taken.has(sid); n += 1) sid = `${TLS_SID}${n}`;
  const statement = {
    Sid: sid,
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucket.arn, `${bucket.arn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
  return { ...doc, Version: doc.Version ?? '2012-10-17', Statement: [...doc.Statement, statement] };
}

/** JSON with sorted keys: AWS may hand a policy back reformatted, so texts are compared by meaning. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function samePolicy(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return a === b;
  }
}

async function write(ctx: FixContext, bucket: BucketRef, policy: string | null) {
  const client = s3Client(ctx, bucket);
  return policy === null
    ? client.send(new DeleteBucketPolicyCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }))
    : client.send(new PutBucketPolicyCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner, Policy: policy }));
}

export const bucketSslOnlyFix = defineFix({
  id: 's3.deny-insecure-transport',
  checkIds: ['s3.bucket-ssl-only'],
  words: fixWords(en, ja),
  actions: {
    read: ['s3:GetBucketPolicy', 's3:GetBucketWebsite'],
    write: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy'],
  },
  supports: (finding) => bucketOf(finding) !== undefined,

  async preview(finding, ctx) {
    const bucket = requireBucket(finding, ctx);
    const current = await readState(ctx, bucket);
    if (enforced(current, bucket, ctx)) return nothingToPreview(current, ctx.say('alreadyEnforced', { bucket: bucket.name }));
    const lines = [
      ctx.say('plan', { bucket: bucket.name, count: parse(current.policy, bucket, ctx).Statement.length }),
      current.policy === null ? ctx.say('undoDeletes') : ctx.say('undoRestores'),
    ];
    const warnings = [ctx.say('plainHttp'), ...((await hostsWebsite(ctx, bucket)) ? [ctx.say('website', { bucket: bucket.name })] : [])];
    return { lines, warnings, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const bucket = requireBucket(finding, ctx);
    const before = await readState(ctx, bucket);
    if (enforced(before, bucket, ctx)) return noChange(before, ctx.say('alreadyEnforced', { bucket: bucket.name }));
    const policy = JSON.stringify(withTlsStatement(parse(before.policy, bucket, ctx), bucket));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => write(ctx, bucket, policy),
      read: () => readState(ctx, bucket),
      done: (now) => enforced(now, bucket, ctx),
      message: ctx.say('applied', { bucket: bucket.name }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    const after = stateSchema.safeParse(applied.after);
    if (!before.success || !after.success) {
      throw new FixError(ctx.localized('noRecord'));
    }
    const bucket = requireBucket(applied.finding, ctx);
    if (samePolicy(before.data.policy, after.data.policy)) throw new FixError(ctx.localized('nothingToUndo'));
    const now = await readState(ctx, bucket);
    let target: string | null;
    let message: string;
    if (samePolicy(now.policy, after.data.policy)) {
      target = before.data.policy;
      message = ctx.say('restored', { bucket: bucket.name });
    } else {
      // Edited since the fix: take out only our statement and keep everyone else's changes.
      const doc = parse(now.policy, bucket, ctx);
      const kept = doc.Statement.filter((s) => !isOurs(s));
      if (kept.length === doc.Statement.length) return noChange(now, ctx.say('statementGone', { bucket: bucket.name }));
      target = kept.length === 0 ? null : JSON.stringify({ ...doc, Statement: kept });
      message = ctx.say('removedOurs', { bucket: bucket.name });
    }
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => write(ctx, bucket, target),
      read: () => readState(ctx, bucket),
      done: (state) => samePolicy(state.policy, target),
      message,
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const bucket = requireBucket(finding, ctx);
    const current = await readState(ctx, bucket);
    return reconciled(enforced(current, bucket, ctx), current, {
      applied: ctx.say('reconciledApplied', { bucket: bucket.name }),
      notApplied: ctx.say('reconciledNotApplied', { bucket: bucket.name }),
    });
  },
});
