// The in-process fake AWS: a World of plain data, the synthetic one the benchmarks use, and the installer
// that answers real SDK clients from it.
export { FakeAwsError, UnknownCommandError } from './errors.ts';
export { type FakeAws, type FakeAwsOptions, installFakeAws, operationName, serviceName } from './install.ts';
export { minimumPages, PAGE_RULES, type PageRule, paginate } from './pages.ts';
export { BASE_SIZES, SYNTHETIC_ACCOUNT, SYNTHETIC_REGIONS, syntheticWorld } from './synthetic.ts';
export * from './world.ts';
