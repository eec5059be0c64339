// The remediation role's policy is generated from what the enabled fixes declare, never written by hand:
// their reads (preview, re-read, verify) and their writes.
import { ALL_FIXES } from '../../checks/fixes.ts';
import type { AnyFix } from '../remediation/fix.ts';
import { SESSION_ACTIONS } from '../remediation/sessions.ts';
import { type IamPolicyDocument, isReadOnlyAction } from './read-only.ts';

function union(fixes: readonly AnyFix[], kind: 'read' | 'write'): string[] {
  // Every fix session proves its account (GetCallerIdentity) before writing, whatever the fix.
  const session = kind === 'read' && fixes.length > 0 ? SESSION_ACTIONS : [];
  return [...new Set([...session, ...fixes.flatMap((fix) => fix.actions[kind])])].sort();
}

/** Every action the fixes may call, reads and writes together, sorted. */
export function remediationActions(fixes: readonly AnyFix[] = ALL_FIXES): string[] {
  return [...new Set([...union(fixes, 'read'), ...union(fixes, 'write')])].sort();
}

export function remediationPolicy(fixes: readonly AnyFix[] = ALL_FIXES): IamPolicyDocument {
  const read = union(fixes, 'read');
  const write = union(fixes, 'write');
  // A write declared as a read would hide it in the read statement; a read declared as a write overstates.
  const misfiled = [...read.filter((a) => !isReadOnlyAction(a)), ...write.filter((a) => isReadOnlyAction(a))];
  if (misfiled.length > 0) throw new Error(`fixes declare actions under the wrong kind: ${misfiled.join(', ')}`);
  const statements: IamPolicyDocument['Statement'] = [];
  if (read.length > 0) statements.push({ Sid: 'AwscheckRemediationRead', Effect: 'Allow', Action: read, Resource: '*' });
  if (write.length > 0) statements.push({ Sid: 'AwscheckRemediationWrite', Effect: 'Allow', Action: write, Resource: '*' });
  return { Version: '2012-10-17', Statement: statements };
}
