import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The simulation is pure and deterministic (ARCHITECTURE principle 1): no real clock, timers or Math.random. */
const determinism = {
  'no-restricted-globals': [
    'error',
    { name: 'Date', message: 'src/sim uses virtual time only (the kernel clock).' },
    { name: 'performance', message: 'src/sim uses virtual time only (the kernel clock).' },
    { name: 'setTimeout', message: 'src/sim schedules timers on the kernel queue (io.setTimer).' },
    { name: 'setInterval', message: 'src/sim schedules timers on the kernel queue (io.setTimer).' },
    { name: 'setImmediate', message: 'src/sim schedules timers on the kernel queue (io.setTimer).' },
    { name: 'requestAnimationFrame', message: 'src/sim has no DOM.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'src/sim draws randomness from a seeded RandomStream.' },
    { object: 'Date', property: 'now', message: 'src/sim uses virtual time only.' },
    { object: 'performance', property: 'now', message: 'src/sim uses virtual time only.' },
    { object: 'globalThis', property: 'setTimeout', message: 'src/sim schedules timers on the kernel queue.' },
    { object: 'window', property: 'setTimeout', message: 'src/sim schedules timers on the kernel queue.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: 'src/sim uses virtual time only.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', 'e2e-artifacts', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: determinism,
  },
);
