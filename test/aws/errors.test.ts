import { describe, expect, it } from 'vitest';
import { awsErrorCode, describeAwsError, isAccessDenied, isUnreachable } from '../../src/aws/errors.ts';

describe('AWS error descriptions', () => {
  it('names the code and keeps one line', () => {
    const err = Object.assign(new Error('User: x is not authorized to perform: iam:GetCredentialReport\n<xml/>'), { name: 'AccessDenied' });
    expect(describeAwsError(err)).toBe('AccessDenied: User: x is not authorized to perform: iam:GetCredentialReport');
    expect(isAccessDenied(err)).toBe(true);
  });

  it("recognises Node's network errors by their code, directly or as a cause", () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), { code: 'ENOTFOUND' });
    expect(awsErrorCode(dns)).toBe('ENOTFOUND');
    expect(isUnreachable(dns)).toBe(true);
    expect(describeAwsError(dns)).toMatch(/ENOTFOUND.*\(AWS endpoint unreachable\)$/);
    const wrapped = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', cause: dns });
    expect(isUnreachable(wrapped)).toBe(true);
  });

  it('says when throttling outlasted the SDK retries', () => {
    expect(describeAwsError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }))).toContain('throttled by AWS past the SDK retries');
  });
});
