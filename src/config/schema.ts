// The scan settings: what awscheck.yml and the AWSCHECK_* variables may say, validated with zod.
// Objects are strict: an unknown key is an error, because a typo must never silently switch a check off.
import { z } from 'zod';
import { LOCALES } from '../i18n/locale.ts';
import { endpointUrlSchema } from './url.ts';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const ACCOUNT_ID = /^\d{12}$/;

/** An AWS region name such as ap-northeast-1 (the file, AWSCHECK_DB's ?region=, `/awscheck region=`). */
export function isRegionName(value: string): boolean {
  return REGION.test(value);
}
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]+$/;

const wholeDays = (what: string) =>
  z
    .number({ error: `expected ${what} as a whole number of days from 1 to 3650` })
    .int({ error: `expected ${what} as a whole number of days from 1 to 3650` })
    .min(1, { error: `expected ${what} as a whole number of days from 1 to 3650` })
    .max(3650, { error: `expected ${what} as a whole number of days from 1 to 3650` });

export const accountSchema = z.strictObject({
  id: z.string({ error: 'expected a 12-digit AWS account id in quotes, e.g. "123456789012"' }).regex(ACCOUNT_ID, {
    error: 'expected a 12-digit AWS account id in quotes, e.g. "123456789012"',
  }),
  name: z
    .string({ error: 'expected a short name for the account, e.g. prod' })
    .min(1, { error: 'expected a short name for the account, e.g. prod' })
    .max(64, { error: 'expected a name of at most 64 characters' }),
  roleArn: z
    .string()
    .regex(ROLE_ARN, { error: 'expected an IAM role ARN, e.g. arn:aws:iam::123456789012:role/awscheck-read' })
    .optional(),
  externalId: z.string().min(2).max(1224, { error: 'expected an external id of 2 to 1224 characters' }).optional(),
  /** Role the approved fixes run with in this account (remediation); scan credentials otherwise. */
  remediationRoleArn: z
    .string()
    .regex(ROLE_ARN, { error: 'expected an IAM role ARN, e.g. arn:aws:iam::123456789012:role/awscheck-fix' })
    .optional(),
});

/** An IAM role name (not an ARN): the same role is assumed in every member account. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** An OU (`ou-…`), a root (`r-…`) or a 12-digit account id. */
const ORG_TARGET = /^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}|\d{12})$/;
const orgTargets = (what: string) =>
  z.array(
    z.string({ error: `expected ${what} as OU ids (ou-abcd-12345678) or 12-digit account ids in quotes` }).regex(ORG_TARGET, {
      error: `expected ${what} as OU ids (ou-abcd-12345678), a root id (r-abcd) or 12-digit account ids in quotes`,
    }),
    { error: `expected ${what} as a list, e.g. [ou-abcd-12345678, "111111111111"]` },
  );

/** AWS Organizations discovery: every ACTIVE member account, scanned through the same role name. */
export const organizationSchema = z.strictObject({
  roleName: z
    .string({ error: 'expected the IAM role name to assume in each member account, e.g. awscheck-read' })
    .regex(ROLE_NAME, { error: 'expected an IAM role name (not an ARN), e.g. awscheck-read' }),
  externalId: z.string().min(2).max(1224, { error: 'expected an external id of 2 to 1224 characters' }).optional(),
  remediationRoleName: z
    .string()
    .regex(ROLE_NAME, { error: 'expected an IAM role name (not an ARN), e.g. awscheck-fix' })
    .optional(),
  include: orgTargets('the OUs and accounts to scan').optional(),
  exclude: orgTargets('the OUs and accounts to leave out').optional(),
});

export const thresholdsSchema = z.strictObject({
  accessKeyMaxAgeDays: wholeDays('the access key age limit').default(90),
  unusedCredentialDays: wholeDays('the unused-credential limit').default(45),
  rootUseDays: wholeDays('the root-use window').default(30),
});

export const regionListSchema = z
  .array(z.string().regex(REGION, { error: 'expected an AWS region name such as ap-northeast-1' }), {
    error: 'expected `all` or a list of region names such as [us-east-1, ap-northeast-1]',
  })
  .min(1, { error: 'expected at least one region, or `all`' });

export const settingsSchema = z.strictObject({
  accounts: z.array(accountSchema, { error: 'expected a list of {id, name, roleArn?, externalId?}' }).default([]),
  regions: z.union([z.literal('all'), regionListSchema], {
    error: 'expected `all` or a list of region names such as [us-east-1, ap-northeast-1]',
  }).default('all'),
  /** Where account-wide calls (STS, DescribeRegions) go. */
  homeRegion: z.string().regex(REGION, { error: 'expected an AWS region name such as us-east-1' }).default('us-east-1'),
  thresholds: thresholdsSchema.default({ accessKeyMaxAgeDays: 90, unusedCredentialDays: 45, rootUseDays: 30 }),
  locale: z.enum(LOCALES, { error: 'expected en or ja' }).default('en'),
  concurrency: z
    .number({ error: 'expected a whole number of in-flight AWS calls per account, 1 to 256' })
    .int({ error: 'expected a whole number of in-flight AWS calls per account, 1 to 256' })
    .min(1, { error: 'expected a whole number of in-flight AWS calls per account, 1 to 256' })
    .max(256, { error: 'expected a whole number of in-flight AWS calls per account, 1 to 256' })
    .default(16),
  /** Discover member accounts through AWS Organizations (AWSCHECK_ORG_ROLE_NAME sets roleName). */
  organization: organizationSchema.optional(),
  /** Accounts scanned at once; `concurrency` bounds the calls within each. */
  accountConcurrency: z
    .number({ error: 'expected a whole number of accounts scanned at once, 1 to 64' })
    .int({ error: 'expected a whole number of accounts scanned at once, 1 to 64' })
    .min(1, { error: 'expected a whole number of accounts scanned at once, 1 to 64' })
    .max(64, { error: 'expected a whole number of accounts scanned at once, 1 to 64' })
    .default(4),
  /** Sends every AWS client to one endpoint (LocalStack, a proxy); AWS_ENDPOINT_URL does the same. */
  endpointUrl: endpointUrlSchema.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type AccountConfig = z.infer<typeof accountSchema>;
export type OrganizationConfig = z.infer<typeof organizationSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Defaults for tests and for code that needs settings without a file. */
export function defaultSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...settingsSchema.parse({}), ...overrides };
}
