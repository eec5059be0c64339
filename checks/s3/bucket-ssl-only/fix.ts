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

function parse(policy: string | null, bucket: BucketRef): PolicyDocument {
  if (policy === null) return { Version: '2012-10-17', Statement: [] };
  let value: unknown;
  try {
    value = JSON.parse(policy);
  } catch {
    throw new FixError({
      en: `The policy of bucket ${bucket.name} is not valid JSON, so no statement can be added safely`,
      ja: `バケット ${bucket.name} のポリシーが正しい JSON ではないため、安全にステートメントを追加できません`,
    });
  }
  if (!value || typeof value !== 'object') throw new FixError({ en: `The policy of bucket ${bucket.name} is not a JSON object`, ja: `バケット ${bucket.name} のポリシーが JSON オブジェクトではありません` });
  const doc = value as Record<string, unknown>;
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? (raw as Statement[]) : raw && typeof raw === 'object' ? [raw as Statement] : [];
  return { ...doc, Statement: statements };
}

/** Judged as the check judges it (tls-deny.ts): a fix must never call "done" what the check still fails. */
function enforced(state: PolicyState, bucket: BucketRef): boolean {
  if (state.policy === null) return false;
  const coverage = tlsDenyCoverage(state.policy, bucket.arn);
  if (!coverage.ok) {
    throw new FixError({
      en: `The policy of bucket ${bucket.name} cannot be read safely (${coverage.error}), so no statement is added`,
      ja: `バケット ${bucket.name} のポリシーを安全に読み取れないため (${coverage.error})、ステートメントを追加しません`,
    });
  }
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

function alreadyEnforced(bucket: BucketRef, ctx: FixContext): string {
  return ctx.text({
    en: `The policy of bucket ${bucket.name} already denies requests without TLS. Nothing was changed.`,
    ja: `バケット ${bucket.name} のポリシーはすでに TLS を使わないリクエストを拒否しています。何も変更していません。`,
  });
}

export const bucketSslOnlyFix = defineFix({
  id: 's3.deny-insecure-transport',
  checkIds: ['s3.bucket-ssl-only'],
  title: { en: 'Deny requests to the bucket that do not use TLS', ja: 'TLS を使わないバケットへのリクエストを拒否する' },
  actions: {
    read: ['s3:GetBucketPolicy', 's3:GetBucketWebsite'],
    write: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy'],
  },
  supports: (finding) => bucketOf(finding) !== undefined,

  async preview(finding, ctx) {
    const bucket = requireBucket(finding);
    const current = await readState(ctx, bucket);
    if (enforced(current, bucket)) return nothingToPreview(current, alreadyEnforced(bucket, ctx));
    const existing = parse(current.policy, bucket).Statement.length;
    const lines = [
      ctx.text({
        en: `Add a statement to the policy of bucket ${bucket.name} that denies any request not made over TLS (aws:SecureTransport = false). The existing ${existing} statement(s) stay as they are.`,
        ja: `バケット ${bucket.name} のポリシーに、TLS を使わないリクエスト (aws:SecureTransport = false) をすべて拒否するステートメントを追加します。既存の ${existing} 個のステートメントはそのまま残ります。`,
      }),
      current.policy === null
        ? ctx.text({ en: 'Undo deletes the policy again (the bucket has none now).', ja: '取り消し (Undo) ではポリシーを再び削除します (現在このバケットにはポリシーがありません)。' })
        : ctx.text({ en: 'Undo restores the current policy text.', ja: '取り消し (Undo) では現在のポリシーを復元します。' }),
    ];
    const warnings = [
      ctx.text({
        en: 'Clients that still use plain HTTP (an endpoint configured as http://, old tools) get Access Denied.',
        ja: 'まだ平文の HTTP を使うクライアント (http:// で設定されたエンドポイント、古いツール) はアクセス拒否 (Access Denied) になります。',
      }),
    ];
    if (await hostsWebsite(ctx, bucket)) {
      warnings.push(
        ctx.text({
          en: `Bucket ${bucket.name} hosts a static website; the S3 website endpoint speaks only HTTP, so the site stops working. Serve it through CloudFront over HTTPS first.`,
          ja: `バケット ${bucket.name} は静的ウェブサイトをホストしています。S3 のウェブサイトエンドポイントは HTTP のみのため、サイトは動かなくなります。先に CloudFront 経由の HTTPS で配信してください。`,
        }),
      );
    }
    return { lines, warnings, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const bucket = requireBucket(finding);
    const before = await readState(ctx, bucket);
    if (enforced(before, bucket)) return noChange(before, alreadyEnforced(bucket, ctx));
    const policy = JSON.stringify(withTlsStatement(parse(before.policy, bucket), bucket));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => write(ctx, bucket, policy),
      read: () => readState(ctx, bucket),
      done: (now) => enforced(now, bucket),
      message: ctx.text({
        en: `The policy of bucket ${bucket.name} now denies requests without TLS.`,
        ja: `バケット ${bucket.name} のポリシーで TLS を使わないリクエストを拒否するようにしました。`,
      }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    const after = stateSchema.safeParse(applied.after);
    if (!before.success || !after.success) {
      throw new FixError({
        en: 'This record has no previous bucket policy to restore',
        ja: 'この記録には復元する以前のバケットポリシーがありません',
      });
    }
    const bucket = requireBucket(applied.finding);
    if (samePolicy(before.data.policy, after.data.policy)) {
      throw new FixError({
        en: 'This record has no policy change to undo (the fix changed nothing)',
        ja: 'この記録には取り消すポリシーの変更がありません (修正では何も変更していません)',
      });
    }
    const now = await readState(ctx, bucket);
    let target: string | null;
    let message: string;
    if (samePolicy(now.policy, after.data.policy)) {
      target = before.data.policy;
      message = ctx.text({ en: `Restored the previous policy of bucket ${bucket.name}.`, ja: `バケット ${bucket.name} のポリシーを以前の状態に戻しました。` });
    } else {
      // Edited since the fix: take out only our statement and keep everyone else's changes.
      const doc = parse(now.policy, bucket);
      const kept = doc.Statement.filter((s) => !isOurs(s));
      if (kept.length === doc.Statement.length) {
        return noChange(
          now,
          ctx.text({
            en: `The policy of bucket ${bucket.name} no longer has the statement the fix added. Nothing was changed.`,
            ja: `バケット ${bucket.name} のポリシーには、修正で追加したステートメントがもうありません。何も変更していません。`,
          }),
        );
      }
      target = kept.length === 0 ? null : JSON.stringify({ ...doc, Statement: kept });
      message = ctx.text({
        en: `The policy of bucket ${bucket.name} was edited after the fix, so only the statement the fix added was removed; the other changes stay.`,
        ja: `バケット ${bucket.name} のポリシーは修正後に編集されていたため、修正で追加したステートメントだけを削除しました。その他の変更は残しています。`,
      });
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
    const bucket = requireBucket(finding);
    const current = await readState(ctx, bucket);
    return reconciled(enforced(current, bucket), current, {
      applied: ctx.text({
        en: `The policy of bucket ${bucket.name} denies requests without TLS: the fix was applied before the interruption.`,
        ja: `バケット ${bucket.name} のポリシーは TLS を使わないリクエストを拒否しています。中断の前に修正は適用されていました。`,
      }),
      notApplied: ctx.text({
        en: `The policy of bucket ${bucket.name} still allows requests without TLS: the fix was not applied.`,
        ja: `バケット ${bucket.name} のポリシーはまだ TLS を使わないリクエストを許可しています。修正は適用されていません。`,
      }),
    });
  },
});
