// What the bot itself may do on its table. (Placeholder with the agreed shape; the DynamoDB store replaces it.)
import { DYNAMODB_TABLE } from './table.ts';

export interface DynamoDbStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

export function dynamoDbStatements(tableArn: string): DynamoDbStatement[] {
  return [
    {
      Sid: 'AwscheckStoreTable',
      Effect: 'Allow',
      Action: ['dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:BatchWriteItem'],
      Resource: [tableArn, `${tableArn}/index/*`],
    },
    {
      Sid: 'AwscheckStoreAuditAppendOnly',
      Effect: 'Deny',
      Action: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      Resource: [tableArn],
      Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${DYNAMODB_TABLE.auditPartitionPrefix}*`] } },
    },
  ];
}
