import { describe, expect, it } from 'vitest';
import { partitionOf, regionalArn } from './arn.ts';

describe('regionalArn', () => {
  it('follows the partition of the region', () => {
    expect(regionalArn({ region: 'us-east-1', accountId: '123456789012' }, 'ec2', 'security-group/sg-1')).toBe(
      'arn:aws:ec2:us-east-1:123456789012:security-group/sg-1',
    );
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('us-isob-east-1')).toBe('aws-iso-b');
  });
});
