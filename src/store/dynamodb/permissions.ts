// What the bot itself may do on its table: exactly the operations the DynamoDB store sends, on the table and
// its indexes, and never an update or delete of an audit item. Creating the table (`awscheck store init`) is
// an operator's job and is not part of the bot's policy.
import { DYNAMODB_TABLE } from './table.ts';

export interface DynamoDbStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

/**
 * The IAM actions behind the store's calls. TransactWriteItems and BatchWriteItem are authorised per item as
 * PutItem, UpdateItem, DeleteItem and ConditionCheckItem; BatchWriteItem is also an action of its own.
 */
export const DYNAMODB_STORE_ACTIONS: readonly string[] = [
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

/** Operations on audit items that would change the trail; appends are PutItem with attribute_not_exists. */
export const AUDIT_DENIED_ACTIONS: readonly string[] = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'];

export function dynamoDbStatements(tableArn: string): DynamoDbStatement[] {
  return [
    {
      Sid: 'AwscheckStoreTable',
      Effect: 'Allow',
      Action: [...DYNAMODB_STORE_ACTIONS],
      Resource: [tableArn, `${tableArn}/index/*`],
    },
    {
      Sid: 'AwscheckStoreAuditAppendOnly',
      Effect: 'Deny',
      Action: [...AUDIT_DENIED_ACTIONS],
      Resource: [tableArn],
      Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${DYNAMODB_TABLE.auditPartitionPrefix}*`] } },
    },
  ];
}

/**
 * The table's ARN from what AWSCHECK_DB says: the account is not known before a call, so it is a wildcard
 * (names are unique per account and region; pass the exact ARN in the deployment stack instead).
 */
export function tableArnFor(table: string, region: string | undefined): string {
  return `arn:aws:dynamodb:${region ?? '*'}:*:table/${table}`;
}
