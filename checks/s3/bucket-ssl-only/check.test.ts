import { describe, expect, it } from 'vitest';
import { bucketSslOnly } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { bucket, failed, ok } from '../../../test/checks/s3/fixtures.ts';

const b = bucket('data');
const ARN = 'arn:aws:s3:::data';
const insecure = { Bool: { 'aws:SecureTransport': 'false' } };
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const denyTls = (extra: object = {}) => ({
  Sid: 'DenyInsecure',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [ARN, `${ARN}/*`],
  Condition: insecure,
  ...extra,
});
const check = (text: string | null) => evaluate(bucketSslOnly, [[ok(b, text)]])[0]!;

describe('s3.bucket-ssl-only', () => {
  it('fails a bucket without a policy', () => {
    const result = check(null);
    expect(result).toMatchObject({ status: 'FAIL', region: 'ap-northeast-1', resourceArn: ARN, details: { hasPolicy: false } });
    expect(result.evidence).toBe('Bucket data has no bucket policy, so requests without TLS are not denied');
  });

  it('passes the standard deny for bucket and objects', () => {
    const result = check(policy(denyTls()));
    expect(result).toMatchObject({ status: 'PASS', details: { hasPolicy: true, coversBucket: true, coversObjects: true, statements: ['DenyInsecure'] } });
  });

  it('accepts a single statement (not a list), {"AWS": "*"}, a boolean value and a wildcard resource', () => {
    const text = JSON.stringify({
      Statement: { Effect: 'Deny', Principal: { AWS: ['*'] }, Action: ['s3:*'], Resource: 'arn:aws:s3:::data*', Condition: { Bool: { 'aws:securetransport': false } } },
    });
    expect(check(text).status).toBe('PASS');
  });

  it('combines statements that cover the bucket and the objects separately', () => {
    const result = check(policy(denyTls({ Sid: 'Bucket', Resource: ARN }), denyTls({ Sid: 'Objects', Resource: `${ARN}/*` })));
    expect(result.status).toBe('PASS');
    expect(result.details.statements).toEqual(['Bucket', 'Objects']);
  });

  it('fails a deny that covers only the objects', () => {
    const result = check(policy(denyTls({ Resource: `${ARN}/*` })));
    expect(result.status).toBe('FAIL');
    expect(result.evidence).toBe('The policy of bucket data denies requests without TLS to its objects but not to the bucket itself');
  });

  it('fails a deny that covers only some objects', () => {
    expect(check(policy(denyTls({ Resource: [ARN, `${ARN}/public/*`] }))).details).toMatchObject({ coversBucket: true, coversObjects: false });
  });

  it.each([
    ['an extra condition narrows it', denyTls({ Condition: { ...insecure, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })],
    ['it names one principal', denyTls({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } })],
    ['it denies only reads', denyTls({ Action: 's3:GetObject' })],
    ['it is an Allow', denyTls({ Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })],
    ['it uses NotPrincipal', { ...denyTls(), Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' } }],
  ])('fails when %s', (_why, statement) => {
    const result = check(policy(statement));
    expect(result.status).toBe('FAIL');
    expect(result.evidence).toBe('The policy of bucket data has no Deny for everyone on s3:* when aws:SecureTransport is false');
  });

  it('is ERROR for a policy that is not JSON, and for a policy that could not be read', () => {
    expect(check('{not json').status).toBe('ERROR');
    expect(check(JSON.stringify({ Version: '2012-10-17' })).evidence).toContain('unexpected bucket policy shape');
    const [unread] = evaluate(bucketSslOnly, [[failed(b)]]);
    expect(unread).toMatchObject({ status: 'ERROR', details: { reason: 'AccessDenied: Access Denied' } });
  });

  it('speaks Japanese', () => {
    const [result] = evaluate(bucketSslOnly, [[ok(b, null)]], { locale: 'ja' });
    expect(result?.evidence).toBe('バケット data にはバケットポリシーがないため、TLS を使わないリクエストが拒否されません');
  });
});
