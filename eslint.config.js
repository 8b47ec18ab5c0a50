// One lint configuration for the whole repository.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/*.tmp.*',
      '.bench/**',
      '**/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['microfrontends/**/*.ts', 'shared/ui/**/*.ts', 'shared/spa/**/*.ts'],
    // The server renderer builds a template around any tag (lit/static-html): not a view.
    ignores: ['shared/spa/server-render.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // Browser code (and what mock mode bundles) never reaches for the service chassis, the platform's server
    // code, a server or Node.
    files: [
      'microfrontends/*/src/**/*.ts',
      'shared/**/*.ts',
      'root-config/src/**/*.ts',
      'mocks/**/*.ts',
      'services/*/src/data.ts',
      'services/*/src/recommendations.ts',
    ],
    ignores: [
      '**/*.test.ts',
      'microfrontends/*/src/ssr.ts',
      'shared/spa/server-render.ts',
      'shared/testing/**',
      'shared/teams.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@tractor/chassis',
                '@tractor/chassis/*',
                'fastify',
                '@fastify/*',
                'pg',
                '@electric-sql/*',
              ],
              message: 'Browser code stays away from the service chassis and servers (Node only).',
            },
            {
              group: ['@tractor/platform', '@tractor/platform/*', '**/platform/**'],
              message: "Browser code stays away from the platform's server code (platform/, Node only).",
            },
            { group: ['node:*'], message: 'Browser code cannot use Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // A team's controllers/ holds Lit ReactiveControllers only: classes that implement ReactiveController (and
    // register with host.addController) or are a SeededTask. A plain function lives in model/ (plain TypeScript)
    // or beside its one user (ssr.ts for the server's): copying any file of controllers/ copies the one pattern.
    files: ['microfrontends/*/src/controllers/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportNamedDeclaration > FunctionDeclaration',
          message:
            'controllers/ holds ReactiveController classes: a function goes to model/ or beside its user.',
        },
        {
          selector:
            'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.type=/^(ArrowFunctionExpression|FunctionExpression)$/]',
          message:
            'controllers/ holds ReactiveController classes: a function goes to model/ or beside its user.',
        },
        {
          selector:
            "ExportNamedDeclaration > ClassDeclaration:not([superClass.name='SeededTask']):not(:has(TSClassImplements > Identifier.expression[name='ReactiveController']))",
          message:
            'A controller implements ReactiveController (and registers with host.addController) or is a SeededTask.',
        },
      ],
    },
  },
  {
    // A team's model is plain TypeScript: no Lit, no DOM — it runs in Node tests unchanged. (EventTarget and
    // Event are not the DOM's alone: Node has them, and a model announces its changes with them.)
    files: ['microfrontends/*/src/model/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*', '../views/*', '../controllers/*'],
              message: 'model/ is plain TypeScript: no Lit, no views, no controllers.',
            },
            { group: ['@tractor/chassis', '@tractor/chassis/*', 'node:*'], message: 'model/ runs anywhere.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'customElements',
          'HTMLElement',
          'Element',
          'Node',
          'localStorage',
          'sessionStorage',
          'location',
          'history',
          'navigator',
          'matchMedia',
          'requestAnimationFrame',
          'fetch',
        ].map((name) => ({ name, message: 'model/ is plain TypeScript: no DOM, no network.' })),
      ],
    },
  },
);
