// Block Public Access reads the same at account and bucket level; an absent setting is off.
import type { NotConfigured } from '../sdk.ts';
import type { PublicAccessBlockConfig, PublicAccessBlockState } from './types.ts';

export const PUBLIC_ACCESS_BLOCK_SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export const NO_PUBLIC_ACCESS_BLOCK: PublicAccessBlockConfig = {
  BlockPublicAcls: false,
  IgnorePublicAcls: false,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
};

type RawConfig = Partial<Record<keyof PublicAccessBlockConfig, boolean | undefined>>;

export function publicAccessBlockConfig(raw: RawConfig | undefined): PublicAccessBlockConfig {
  return {
    BlockPublicAcls: raw?.BlockPublicAcls === true,
    IgnorePublicAcls: raw?.IgnorePublicAcls === true,
    BlockPublicPolicy: raw?.BlockPublicPolicy === true,
    RestrictPublicBuckets: raw?.RestrictPublicBuckets === true,
  };
}

/** A configuration as S3 or S3 Control answers it. */
export function publicAccessBlockState(raw: RawConfig | undefined): PublicAccessBlockState {
  return { configured: true, config: publicAccessBlockConfig(raw) };
}

/** At either level, never configured reads as every switch off. */
export const PUBLIC_ACCESS_BLOCK_NOT_CONFIGURED: NotConfigured<PublicAccessBlockState> = {
  codes: ['NoSuchPublicAccessBlockConfiguration'],
  answer: () => ({ configured: false, config: { ...NO_PUBLIC_ACCESS_BLOCK } }),
};
