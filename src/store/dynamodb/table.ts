// The one DynamoDB table awscheck keeps its state in, described once for `awscheck store init`, the start-up
// check and the deployment stack. Every item type and its keys are listed in keys.ts and in the README.

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
  /** Every index projects ALL attributes: each query answers from the index alone. */
  globalSecondaryIndexes: TableIndex[];
  /** Epoch seconds after which DynamoDB deletes the item (scans, reports, slots, snapshots; never the audit trail). */
  timeToLiveAttribute: string;
  /**
   * Every audit item's partition key starts with this, and no other item's does: an IAM Deny on UpdateItem and
   * DeleteItem with `dynamodb:LeadingKeys` like `${auditPartitionPrefix}*` keeps the trail append-only.
   */
  auditPartitionPrefix: string;
}

export const DYNAMODB_TABLE: TableDescription = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { indexName: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  ],
  timeToLiveAttribute: 'ttl',
  auditPartitionPrefix: 'AUDIT#',
};
