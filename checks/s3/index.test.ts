import { describe, expect, it } from 'vitest';
import { s3Checks } from './index.ts';

describe('s3Checks', () => {
  it('lists every S3 check of the catalogue, in its order', () => {
    expect(s3Checks.map((c) => c.id)).toEqual([
      's3.account-public-access-block',
      's3.bucket-public-access-block',
      's3.bucket-public',
      's3.bucket-ssl-only',
      's3.bucket-versioning',
      's3.bucket-mfa-delete',
      's3.bucket-access-logging',
      's3.bucket-acls-enabled',
    ]);
  });

  it('gives every check its texts in English and Japanese', () => {
    for (const check of s3Checks) {
      for (const text of [check.title, check.why, check.guide]) {
        expect(text.en.length, check.id).toBeGreaterThan(10);
        expect(text.ja, check.id).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
      }
      expect(check.guide.en, check.id).toContain('CLI');
      expect(check.service).toBe('s3');
    }
  });
});
