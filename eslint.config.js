// One lint tool for the project: ESLint with typescript-eslint's recommended rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Each third-party library is imported by exactly one adapter file, so swapping it is a one-file change.
const adapterOf = {
  imapflow: 'src/source/imap.ts',
  mailparser: 'src/parse/mailparser.ts',
  nodemailer: 'src/digest/send.ts',
  'chrono-node': 'src/extract/due/chrono.ts',
  compromise: 'src/extract/nlp.ts',
  'better-sqlite3': 'src/store/sqlite.ts',
  'node-cron': 'src/scheduler/cron.ts',
  pino: 'src/log.ts',
  commander: 'src/main.ts',
  'cli-progress': 'src/cli/progress.ts',
  zod: 'src/config/schema.ts',
};
const libraries = Object.keys(adapterOf);
const restrict = (allowed) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: libraries
        .filter((lib) => lib !== allowed)
        .map((name) => ({
          name,
          message: `import ${name} only in its adapter, ${adapterOf[name]}`,
        })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts: Node's globals.
    files: ['scripts/**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts'], ignores: Object.values(adapterOf), rules: restrict(null) },
  ...libraries.map((lib) => ({ files: [adapterOf[lib]], rules: restrict(lib) })),
);
