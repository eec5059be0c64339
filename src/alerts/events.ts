// The message body: an EventBridge event as the SQS target delivers it, whose `detail` is the CloudTrail
// record. Parsed with zod; anything else is "malformed" and never reaches the rest of the bot.
import { z } from 'zod';

const userIdentitySchema = z
  .object({
    type: z.string().optional(),
    arn: z.string().optional(),
    userName: z.string().optional(),
    principalId: z.string().optional(),
    accountId: z.string().optional(),
    invokedBy: z.string().optional(),
    sessionContext: z
      .object({ sessionIssuer: z.object({ userName: z.string().optional(), arn: z.string().optional() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

const recordSchema = z
  .object({
    eventID: z.string().min(1).max(128),
    eventName: z.string().min(1).max(128),
    eventSource: z.string().min(1).max(128),
    eventTime: z.string().optional(),
    awsRegion: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/),
    recipientAccountId: z.string().regex(/^\d{12}$/).optional(),
    userIdentity: userIdentitySchema.optional(),
    sourceIPAddress: z.string().optional(),
    errorCode: z.string().optional(),
    requestParameters: z.record(z.string(), z.unknown()).nullish(),
    responseElements: z.record(z.string(), z.unknown()).nullish(),
    additionalEventData: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();

const envelopeSchema = z
  .object({
    'detail-type': z.string(),
    account: z.string().regex(/^\d{12}$/).optional(),
    region: z.string().optional(),
    time: z.string().optional(),
    detail: recordSchema,
  })
  .loose();

export type CloudTrailRecord = z.infer<typeof recordSchema>;

export interface ChangeEvent {
  record: CloudTrailRecord;
  /** The account the change was made in: recipientAccountId, else the envelope's account. */
  accountId: string;
  region: string;
  /** ISO time of the API call. */
  time: string;
}

/** Detail types that carry a CloudTrail record (console sign-in has its own). */
const CLOUDTRAIL_DETAIL_TYPES = new Set(['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail']);

export type ParsedMessage = { kind: 'event'; event: ChangeEvent } | { kind: 'malformed'; reason: string };

/** Never throws; the reason names what was wrong, not the body's content (which may hold anything). */
export function parseMessage(body: string | undefined): ParsedMessage {
  if (!body) return { kind: 'malformed', reason: 'empty body' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'malformed', reason: 'body is not JSON' };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => i.path.map(String).join('.') || '(root)');
    return { kind: 'malformed', reason: `not an EventBridge CloudTrail event (bad ${where.join(', ')})` };
  }
  const envelope = parsed.data;
  if (!CLOUDTRAIL_DETAIL_TYPES.has(envelope['detail-type'])) {
    return { kind: 'malformed', reason: 'detail-type is not a CloudTrail one' };
  }
  const record = envelope.detail;
  const accountId = record.recipientAccountId ?? envelope.account;
  if (!accountId) return { kind: 'malformed', reason: 'no recipientAccountId or account' };
  return {
    kind: 'event',
    event: { record, accountId, region: record.awsRegion, time: record.eventTime ?? envelope.time ?? new Date(0).toISOString() },
  };
}

/** Who made the change, as a person reads it: the ARN, else the user name, else the identity type. */
export function actorOf(record: CloudTrailRecord): string {
  const id = record.userIdentity;
  if (!id) return 'unknown';
  if (id.type === 'Root') return id.arn ? `root (${id.arn})` : 'root';
  return id.arn ?? id.userName ?? id.sessionContext?.sessionIssuer?.arn ?? id.principalId ?? id.type ?? 'unknown';
}

export function isRoot(record: CloudTrailRecord): boolean {
  return record.userIdentity?.type === 'Root';
}
