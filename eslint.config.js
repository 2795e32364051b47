import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // The walls between the parts of the code (README "Architecture"): a server module is used only
  // through its index.ts; platform/ uses no module; contracts use no server or web code; the web app
  // uses no server code. Tests, benchmarks and the CLI may reach inside modules.
  {
    files: ['apps/**/*.ts', 'apps/**/*.vue', 'packages/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['apps/**/*', 'packages/**/*'],
      'boundaries/elements': [
        { type: 'server-module', pattern: 'apps/server/src/modules/*', mode: 'folder', capture: ['module'] },
        { type: 'server-modules-list', pattern: 'apps/server/src/modules/index.ts', mode: 'file' },
        { type: 'server-platform', pattern: 'apps/server/src/platform', mode: 'folder' },
        { type: 'server-seed', pattern: 'apps/server/src/seed', mode: 'folder' },
        { type: 'server-cli', pattern: 'apps/server/src/cli', mode: 'folder' },
        { type: 'server-app', pattern: 'apps/server/src/*.ts', mode: 'file' },
        { type: 'server-test', pattern: 'apps/server/(test|bench)', mode: 'folder' },
        { type: 'web', pattern: 'apps/web', mode: 'folder' },
        { type: 'contracts', pattern: 'packages/contracts', mode: 'folder' },
      ],
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'allow',
          rules: [
            {
              from: ['server-platform'],
              disallow: ['server-module', 'server-modules-list', 'server-seed', 'server-app', 'server-cli'],
              message: 'platform/ is used by modules; it must not import a module (${dependency.source})',
            },
            {
              from: ['contracts'],
              disallow: [
                'server-module',
                'server-modules-list',
                'server-platform',
                'server-seed',
                'server-app',
                'server-cli',
                'web',
              ],
              message: 'packages/contracts is shared by server and web; it must not import their code',
            },
            {
              from: ['web'],
              disallow: [
                'server-module',
                'server-modules-list',
                'server-platform',
                'server-seed',
                'server-app',
                'server-cli',
                'server-test',
              ],
              message:
                'the web app talks to the server over HTTP (generated client); it must not import server code',
            },
          ],
        },
      ],
      'boundaries/entry-point': [
        'error',
        {
          default: 'allow',
          rules: [
            {
              // other server code uses a module only through its index.ts
              target: ['server-module'],
              disallow: ['**'],
            },
            {
              target: ['server-module'],
              allow: ['index.ts'],
            },
          ],
        },
      ],
    },
  },
  {
    // A request's data scope comes from its actor: inScope(db, actor, …) also sets a team leader's
    // team (app.team), which a bare `actor.orgPath` would silently drop.
    files: ['apps/server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='inScope'] > MemberExpression[property.name='orgPath']",
          message:
            "Pass the actor to inScope (inScope(db, actor, …)): its orgPath alone drops a team leader's team limit.",
        },
      ],
    },
  },
  {
    // tests, benchmarks and command-line tools may reach inside a module
    files: ['apps/server/test/**', 'apps/server/bench/**', 'apps/server/src/cli/**', '**/*.test.ts'],
    rules: { 'boundaries/entry-point': 'off' },
  },
);
