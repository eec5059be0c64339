// Finds the bucket-policy statements that deny every request made without TLS: Effect Deny, Principal "*",
// Action s3:* (or *), and a condition that is only Bool aws:SecureTransport false. Statements scoped by
// further conditions or by Not* elements deny less than that, so they do not count.
import { z } from 'zod';
import type { Outcome } from '../../../src/collectors/s3/types.ts';

const stringOrList = z.union([z.string(), z.array(z.string())]);

const statementSchema = z.looseObject({
  Sid: z.string().optional(),
  Effect: z.string(),
  Principal: z.unknown().optional(),
  NotPrincipal: z.unknown().optional(),
  Action: stringOrList.optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  Condition: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

const policySchema = z.looseObject({ Statement: z.union([statementSchema, z.array(statementSchema)]) });

type Statement = z.infer<typeof statementSchema>;

export interface TlsDenyCoverage {
  /** A qualifying statement covers the bucket ARN itself (bucket-level calls). */
  bucket: boolean;
  /** A qualifying statement covers every object (`<bucket ARN>/*`). */
  objects: boolean;
  /** Sids (or positions) of the qualifying statements. */
  statements: string[];
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function everyone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object' && 'AWS' in principal) {
    const aws = principal.AWS;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  }
  return false;
}

function onlyInsecureTransport(condition: Statement['Condition']): boolean {
  const operators = Object.entries(condition ?? {});
  if (operators.length !== 1) return false;
  const [operator, keys] = operators[0]!;
  if (operator !== 'Bool' && operator !== 'BoolIfExists') return false;
  const entries = Object.entries(keys);
  if (entries.length !== 1) return false;
  const [key, value] = entries[0]!;
  // Condition keys are case-insensitive; values may be a string, a boolean, or a list of either.
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return key.toLowerCase() === 'aws:securetransport' && values.length > 0 && values.every((v) => String(v).toLowerCase() === 'false');
}

/** IAM resource wildcards: `*` any run of characters, `?` any one character. */
function matches(pattern: string, arn: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(arn);
}

function qualifies(s: Statement): boolean {
  return (
    s.Effect === 'Deny' &&
    s.NotPrincipal === undefined &&
    s.NotAction === undefined &&
    s.NotResource === undefined &&
    everyone(s.Principal) &&
    list(s.Action).some((a) => a === '*' || a.toLowerCase() === 's3:*') &&
    onlyInsecureTransport(s.Condition)
  );
}

export function tlsDenyCoverage(policyText: string, bucketArn: string): Outcome<TlsDenyCoverage> {
  let json: unknown;
  try {
    json = JSON.parse(policyText);
  } catch (err) {
    return { ok: false, error: `the bucket policy is not valid JSON (${(err as Error).message})` };
  }
  const parsed = policySchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `unexpected bucket policy shape (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  const statements = Array.isArray(parsed.data.Statement) ? parsed.data.Statement : [parsed.data.Statement];
  const coverage: TlsDenyCoverage = { bucket: false, objects: false, statements: [] };
  statements.forEach((statement, index) => {
    if (!qualifies(statement)) return;
    const resources = list(statement.Resource);
    const bucket = resources.some((r) => matches(r, bucketArn));
    const objects = resources.some((r) => matches(r, `${bucketArn}/*`));
    if (!bucket && !objects) return;
    coverage.bucket ||= bucket;
    coverage.objects ||= objects;
    coverage.statements.push(statement.Sid ?? `#${index + 1}`);
  });
  return { ok: true, value: coverage };
}
