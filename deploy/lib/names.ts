// Names both stacks agree on without a CloudFormation export between them, so either can be deployed,
// updated or deleted on its own.
import { ORGANIZATION_ACTIONS } from '../../src/org/discover.ts';

export const TASK_ROLE_NAME = 'awscheck-bot';
export const EVENT_BUS_NAME = 'awscheck-events';
/** Discovery calls in the management (or delegated administrator) account: the app's own declaration. */
export const ORGANIZATIONS_READ_ACTIONS: readonly string[] = ORGANIZATION_ACTIONS;
