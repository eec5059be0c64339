// One way to read a list a person typed: a CLI flag (`--region a,b`), a slash command option
// (`account=prod,dev`) or a variable (`AWSCHECK_APPROVERS=U1, U2`). Commas and/or white space separate items.
/** The items of a comma- and/or space-separated list, in order, without empty ones. */
export function splitList(value: string | undefined): string[] {
  // \s covers the ideographic space (U+3000) a Japanese keyboard types.
  return (value ?? '').split(/[\s,]+/u).filter(Boolean);
}
