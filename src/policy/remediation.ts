// The remediation role's policy is generated from what the enabled fixes declare, never written by hand:
// their reads (preview, re-read, verify) and their writes, each narrowed to the resources its action allows.
import { ALL_FIXES } from '../../checks/fixes.ts';
import type { AnyFix } from '../remediation/fix.ts';
import { SESSION_ACTIONS } from '../remediation/sessions.ts';
import { type IamPolicyDocument, type IamPolicyStatement, isReadOnlyAction } from './read-only.ts';
import { RESOURCE_TYPES, resourceTypeOf } from './resources.ts';

export interface PolicyOptions {
  /** The ARN partition ("aws" by default; the deployment passes its own partition). */
  partition?: string;
}

function union(fixes: readonly AnyFix[], kind: 'read' | 'write'): string[] {
  // Every fix session proves its account (GetCallerIdentity) before writing, whatever the fix.
  const session = kind === 'read' && fixes.length > 0 ? SESSION_ACTIONS : [];
  return [...new Set([...session, ...fixes.flatMap((fix) => fix.actions[kind])])].sort();
}

/** Every action the fixes may call, reads and writes together, sorted. */
export function remediationActions(fixes: readonly AnyFix[] = ALL_FIXES): string[] {
  return [...new Set([...union(fixes, 'read'), ...union(fixes, 'write')])].sort();
}

/** One statement for the actions that need "*", then one per resource type, in RESOURCE_TYPES order. */
function statements(sid: string, actions: readonly string[], partition: string): IamPolicyStatement[] {
  const out: IamPolicyStatement[] = [];
  const anywhere = actions.filter((a) => resourceTypeOf(a) === undefined);
  if (anywhere.length > 0) out.push({ Sid: sid, Effect: 'Allow', Action: anywhere, Resource: '*' });
  for (const type of RESOURCE_TYPES) {
    const narrowed = actions.filter((a) => type.actions.includes(a));
    if (narrowed.length > 0) out.push({ Sid: `${sid}${type.name}`, Effect: 'Allow', Action: narrowed, Resource: type.arns(partition) });
  }
  return out;
}

export function remediationPolicy(fixes: readonly AnyFix[] = ALL_FIXES, options: PolicyOptions = {}): IamPolicyDocument {
  const read = union(fixes, 'read');
  const write = union(fixes, 'write');
  // A write declared as a read would hide it in the read statement; a read declared as a write overstates.
  const misfiled = [...read.filter((a) => !isReadOnlyAction(a)), ...write.filter((a) => isReadOnlyAction(a))];
  if (misfiled.length > 0) throw new Error(`fixes declare actions under the wrong kind: ${misfiled.join(', ')}`);
  const partition = options.partition ?? 'aws';
  return {
    Version: '2012-10-17',
    Statement: [...statements('AwscheckRemediationRead', read, partition), ...statements('AwscheckRemediationWrite', write, partition)],
  };
}
