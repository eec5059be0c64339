// An entity in an AWS answer that could not be read: a credential-report row with an unexpected value, a
// policy without a field AWS always sends. Collectors keep it beside what they could read, and checks turn
// it into ERROR for that entity alone, so one odd answer never hides the verdicts on everything else.
import { type EvaluateContext, GLOBAL_REGION, type ResultDraft } from './types.ts';

export interface Unreadable {
  /** CloudFormation type, as the entity's readable results would carry (AWS::IAM::User…). */
  resourceType: string;
  /** The entity's name; a placeholder that says where it was when AWS sent none. */
  resourceId: string;
  resourceArn?: string;
  subResourceId?: string;
  /** Defaults to `global`. */
  region?: string;
  /** For people: which field held what, and what was expected. AWS's data, so English like AWS's errors. */
  reason: string;
}

export function isUnreadable(value: object): value is Unreadable {
  return 'reason' in value && typeof value.reason === 'string' && 'resourceType' in value;
}

/** The error message of whatever a parser threw, for an Unreadable's reason. */
export function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One ERROR result per unreadable entity. */
export function unreadableResults(entries: readonly Unreadable[], ctx: EvaluateContext): ResultDraft[] {
  return entries.map((entry) => ({
    status: 'ERROR',
    region: entry.region ?? GLOBAL_REGION,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    ...(entry.resourceArn ? { resourceArn: entry.resourceArn } : {}),
    ...(entry.subResourceId ? { subResourceId: entry.subResourceId } : {}),
    evidence: ctx.say('common:unreadable', { name: entry.subResourceId ?? entry.resourceId, reason: entry.reason }),
    details: { reason: entry.reason },
  }));
}
