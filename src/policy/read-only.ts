// The read-only IAM policy is generated from what the selected checks' collectors declare, never written by hand.
import { ENGINE_ACTIONS } from '../engine/regions.ts';
import type { AnyCheck, AnyCollector } from '../engine/types.ts';
import { ORGANIZATION_ACTIONS } from '../org/discover.ts';

export interface IamPolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  /** "*" for actions without resource-level permissions; ARN patterns otherwise (src/policy/resources.ts). */
  Resource: '*' | string[];
}

export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: IamPolicyStatement[];
}

/** Read verbs; GenerateCredentialReport only asks IAM to build the report it then reads (access level Read). */
const READ_ONLY = /^[a-z0-9-]+:(Get|List|Describe|BatchGet|Search|GenerateCredentialReport$)/;

export function isReadOnlyAction(action: string): boolean {
  return READ_ONLY.test(action);
}

function collectorActions(collector: AnyCollector, into: Set<string>): void {
  for (const action of collector.actions) into.add(action);
  for (const dependency of collector.dependsOn ?? []) collectorActions(dependency, into);
}

function checkActions(checks: readonly AnyCheck[]): string[] {
  const actions = new Set<string>(ENGINE_ACTIONS);
  for (const check of checks) for (const collector of check.needs as readonly AnyCollector[]) collectorActions(collector, actions);
  return [...actions].sort();
}

/** Every action a scan may send: the checks' and the engine's, and organization discovery's. */
export function readActionsFor(checks: readonly AnyCheck[]): string[] {
  return [...new Set([...checkActions(checks), ...ORGANIZATION_ACTIONS])].sort();
}

export interface ReadOnlyPolicyOptions {
  /**
   * Adds organization discovery's statement (default true, as `awscheck policy` prints it). Member accounts'
   * roles leave it out: only the management or delegated administrator account lists the organization.
   */
  organization?: boolean;
}

export function readOnlyPolicy(checks: readonly AnyCheck[], options: ReadOnlyPolicyOptions = {}): IamPolicyDocument {
  const actions = checkActions(checks);
  const writes = actions.filter((a) => !isReadOnlyAction(a));
  // A collector declaring a write would be a bug in a read-only scanner: refuse to print such a policy.
  if (writes.length > 0) throw new Error(`collectors declare non-read actions: ${writes.join(', ')}`);
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AwscheckReadOnlyScan', Effect: 'Allow', Action: actions, Resource: '*' },
      // Used only where `organization:` lists member accounts (the management or delegated admin account).
      ...(options.organization === false
        ? []
        : [{ Sid: 'AwscheckOrganizationDiscovery', Effect: 'Allow' as const, Action: [...ORGANIZATION_ACTIONS].sort(), Resource: '*' as const }]),
    ],
  };
}
