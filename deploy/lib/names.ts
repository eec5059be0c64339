// Names both stacks agree on without a CloudFormation export between them, so either can be deployed,
// updated or deleted on its own.
export const TASK_ROLE_NAME = 'awscheck-bot';
export const EVENT_BUS_NAME = 'awscheck-events';
/** Discovery calls in the management (or delegated administrator) account; see issue 13. */
export const ORGANIZATIONS_READ_ACTIONS: readonly string[] = [
  'organizations:DescribeOrganization',
  'organizations:ListAccounts',
  'organizations:ListAccountsForParent',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListRoots',
];
