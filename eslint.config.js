// Type-checked typescript-eslint: catches floating promises and unsafe `any`, which matter in a bot
// whose handlers run after ack().
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import pattern for the AWS SDK (v3 clients and their Smithy runtime). */
const AWS_SDK = (message) => ({ group: ['@aws-sdk/*', '@smithy/*'], message });
const NO_SLACK = 'The report and the engine know nothing of Slack: render and post in src/slack/delivery, and inject it.';
const NO_UPWARD_SLACK = 'src/slack is wired by src/app and commands/, never the other way round: take what you need as a dependency.';
const NO_AWS_IN_SLACK = 'Slack code talks to the services (scans, remediation, report); AWS calls live in src/aws, src/collectors and the fixes.';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'dist/', 'bin/', 'deploy/cdk.out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'checks/**/*.test.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // One configuration: only the config loader reads the environment (README, Configuration). Exempt: tests
  // and benchmarks, which set up the environment of the bot or CLI they start; deploy/, a separate CDK program
  // whose CDK_DEFAULT_* variables belong to the CDK CLI.
  {
    ignores: ['src/config/environment.ts', 'test/**', 'bench/**', 'deploy/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config/environment.ts (the one loader), and pass it in.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/^(node:)?process$/] > ImportSpecifier[imported.name='env']",
          message: 'Read configuration through src/config/environment.ts (the one loader), and pass it in.',
        },
      ],
    },
  },
  // Layering (README, "How we write code"): data flows collect → evaluate → render → deliver, and each rule
  // below keeps one edge of it. test/lint/layers.test.ts proves every rule still fires. Each file matches at
  // most one of these blocks, since a later no-restricted-imports replaces an earlier one's options.
  // A check is pure: it evaluates what the collectors read. Only a fix (fix.ts, fixes/, lib/fix-client.ts)
  // calls AWS, and tests mock it.
  {
    files: ['checks/**/*.ts'],
    ignores: ['checks/**/*.test.ts', 'checks/**/fix.ts', 'checks/*/fixes/**', 'checks/*/lib/fix-client.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [AWS_SDK('A check evaluates collected data; AWS calls belong to the collectors (src/collectors) or to its fix (fix.ts).')] }] },
  },
  // The report and the engine compute; Slack renders and delivers them (src/slack/delivery).
  {
    files: ['src/report/**/*.ts', 'src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@slack/*'], message: NO_SLACK },
            { regex: String.raw`^\.{1,2}/(.*/)?slack(/|$)`, message: NO_SLACK },
          ],
        },
      ],
    },
  },
  // Slack talks to the services (scan service, remediation, report), never to AWS itself.
  {
    files: ['src/slack/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            AWS_SDK(NO_AWS_IN_SLACK),
            { regex: String.raw`^\.{1,2}/(.*/)?(aws|collectors)(/|$)`, message: NO_AWS_IN_SLACK },
            { regex: String.raw`^\.{1,2}/(.*/)?(app|commands)(/|$)`, message: NO_UPWARD_SLACK },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
