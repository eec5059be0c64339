// Small shared pieces of every EC2/SSM collector: the fields AWS must always return, and the Name tag.

/** An id AWS always returns; a missing one is an unexpected shape, which must end as ERROR, not PASS. */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null || value === '') throw new Error(`AWS answered without ${what}`);
  return value;
}

/** The Name tag, the label people recognise a resource by. */
export function nameTag(tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value || undefined;
}
