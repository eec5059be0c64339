// Page sizes as each API documents them, and one paginator every listing handler uses. The fake refuses a
// page size outside the documented range (as AWS does) and otherwise pages exactly like AWS, so a collector
// that forgets MaxResults pays for the default page size here as it would against AWS.
import { FakeAwsError } from './errors.ts';

export interface PageRule {
  /** Smallest and largest page size the API accepts. */
  min: number;
  max: number;
  /** Items per page when the caller sends no size (Infinity: "all items are returned"). */
  default: number;
}

const IAM_LIST: PageRule = { min: 1, max: 1000, default: 100 };
const EC2_ALL: PageRule = { min: 5, max: 1000, default: Infinity };

/**
 * Keyed `Service:Operation`. Sources: each operation's API reference (MaxItems / MaxResults / MaxBuckets).
 * Where the reference gives a range but no default, the default is taken to be the maximum (marked *).
 */
export const PAGE_RULES: Readonly<Record<string, PageRule>> = {
  // IAM: MaxItems 1-1000, "If you do not include this parameter, the number of items defaults to 100".
  'IAM:GetAccountAuthorizationDetails': IAM_LIST,
  'IAM:ListVirtualMFADevices': IAM_LIST,
  'IAM:ListServerCertificates': IAM_LIST,
  // EC2: MaxResults 5-1000, "If this parameter is not specified, then all items are returned".
  'EC2:DescribeSecurityGroups': EC2_ALL,
  'EC2:DescribeSecurityGroupRules': EC2_ALL,
  'EC2:DescribeInstances': EC2_ALL,
  'EC2:DescribeNetworkInterfaces': EC2_ALL,
  'EC2:DescribeVpcs': EC2_ALL,
  'EC2:DescribeSnapshots': EC2_ALL,
  'EC2:DescribeFlowLogs': { min: 1, max: 1000, default: Infinity },
  // DescribeNetworkAcls is the odd one out: 5-100.
  'EC2:DescribeNetworkAcls': { min: 5, max: 100, default: Infinity },
  // S3 ListBuckets: MaxBuckets 1-10000; without it, every bucket (up to 10,000) in one answer.
  'S3:ListBuckets': { min: 1, max: 10000, default: 10000 },
  // SSM: DescribeInstanceInformation 5-50, default 10; the others 1-50 (*), 1-200 (*).
  'SSM:DescribeInstanceInformation': { min: 5, max: 50, default: 10 },
  'SSM:ListResourceComplianceSummaries': { min: 1, max: 50, default: 50 },
  'SSM:ListDocuments': { min: 1, max: 50, default: 50 },
  'SSM:DescribeDocumentPermission': { min: 1, max: 200, default: 200 },
  // GuardDuty ListDetectors: 1-50, default 50.
  'GuardDuty:ListDetectors': { min: 1, max: 50, default: 50 },
  // Access Analyzer ListAnalyzers documents no range; one analyzer per type and region is the norm (*).
  'AccessAnalyzer:ListAnalyzers': { min: 1, max: 1000, default: 1000 },
};

export function pageRule(key: string): PageRule {
  const rule = PAGE_RULES[key];
  if (!rule) throw new Error(`fake AWS: no page rule for ${key}`);
  return rule;
}

export interface Page<T> {
  items: T[];
  /** Token for the next page, undefined on the last one. */
  next: string | undefined;
}

/**
 * One page of `items`. Tokens are opaque to callers but carry the operation, so a token replayed against
 * another listing fails like AWS's InvalidNextToken instead of silently paging the wrong list.
 */
export function paginate<T>(key: string, items: readonly T[], size: number | undefined, token: string | undefined): Page<T> {
  const rule = pageRule(key);
  if (size !== undefined && (!Number.isInteger(size) || size < rule.min || size > rule.max)) {
    throw new FakeAwsError('ValidationError', `${key}: page size ${size} is outside ${rule.min}-${rule.max}`);
  }
  let start = 0;
  if (token !== undefined) {
    const match = /^(.+)@(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
    if (!match || match[1] !== key) throw new FakeAwsError('InvalidNextToken', `${key}: the pagination token is not one of this listing's`);
    start = Number(match[2]);
  }
  const limit = size ?? rule.default;
  const end = Math.min(items.length, start + limit);
  return {
    items: items.slice(start, end),
    next: end < items.length ? Buffer.from(`${key}@${end}`).toString('base64url') : undefined,
  };
}

/** EC2, SSM and GuardDuty page alike: asked with MaxResults and NextToken, answering NextToken while more pages follow. */
export function nextTokenPage<T>(
  key: string,
  items: readonly T[],
  input: { MaxResults?: number | undefined; NextToken?: string | undefined },
): { items: T[]; token: { NextToken?: string } } {
  const page = paginate(key, items, input.MaxResults, input.NextToken);
  return { items: page.items, token: page.next ? { NextToken: page.next } : {} };
}

/** IAM pages its own way: asked with MaxItems and Marker, answering IsTruncated always and Marker while more pages follow. */
export function markerPage<T>(
  key: string,
  items: readonly T[],
  input: { MaxItems?: number | undefined; Marker?: string | undefined },
): { items: T[]; token: { IsTruncated: boolean; Marker?: string } } {
  const page = paginate(key, items, input.MaxItems, input.Marker);
  return { items: page.items, token: { IsTruncated: page.next !== undefined, ...(page.next ? { Marker: page.next } : {}) } };
}

/** Calls a full listing of `count` items needs at the largest page size (at least one, even when empty). */
export function minimumPages(key: string, count: number): number {
  return Math.max(1, Math.ceil(count / pageRule(key).max));
}
