// The one DynamoDB table awscheck keeps its state in, described once for the store and the deployment stack.
// (Placeholder with the agreed shape; the DynamoDB store replaces it.)

export interface KeyAttribute {
  name: string;
  type: 'S';
}

export interface TableIndex {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDescription {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: TableIndex[];
  /** Epoch seconds after which DynamoDB deletes the item. */
  timeToLiveAttribute: string;
  /** Every audit item's partition key starts with this. */
  auditPartitionPrefix: string;
}

export const DYNAMODB_TABLE: TableDescription = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
  ],
  timeToLiveAttribute: 'ttl',
  auditPartitionPrefix: 'AUDIT#',
};
