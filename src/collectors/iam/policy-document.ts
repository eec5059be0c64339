// IAM policy documents as IAM returns them: URL-encoded JSON in the grammar of the IAM policy language.
import { z } from 'zod';

const stringOrList = z.union([z.string(), z.array(z.string())]);

const statementSchema = z.looseObject({
  Sid: z.string().optional(),
  Effect: z.string(),
  Action: stringOrList.optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  Condition: z.record(z.string(), z.unknown()).optional(),
});

const documentSchema = z.looseObject({
  Version: z.string().optional(),
  Statement: z.union([statementSchema, z.array(statementSchema)]),
});

export type PolicyStatement = z.infer<typeof statementSchema>;
export type PolicyDocument = z.infer<typeof documentSchema>;

/** Statement may be one object or a list in the policy grammar; callers always get a list. */
export function statementsOf(document: PolicyDocument): PolicyStatement[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

/** Action, Resource and friends may be one string or a list in the policy grammar. */
export function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Decodes a policy document from IAM (RFC 3986 URL-encoded JSON). Throws with the policy's name when the
 * text is not a policy document: an unreadable policy must make its checks ERROR, not quietly pass.
 */
export function parsePolicyDocument(encoded: string, policyName: string): PolicyDocument {
  let json: unknown;
  try {
    json = JSON.parse(decodeURIComponent(encoded));
  } catch (err) {
    throw new Error(`policy ${policyName} is not URL-encoded JSON: ${(err as Error).message}`);
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`policy ${policyName} is not an IAM policy document: ${z.prettifyError(parsed.error).split('\n')[0] ?? ''}`);
  }
  return parsed.data;
}
