// ESLint 9 flat config. The layer rules of DESIGN §2 live here (see LAYER_RULES below);
// tests/lint/layers.test.ts lints tests/lint-fixtures/* under pretend paths to prove they bite.
//
// Type-aware linting is off on purpose: none of the rules below needs type information, and a
// typed program over four tsconfigs costs more than the ~60 s budget on 2 cores. `tsc` (one
// tsconfig per layer, `npm run test:types`) does the type checking.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SRC_EXT = '{ts,tsx,mts,cts,js,jsx,mjs}';

/** Every folder directly under src/. */
const LAYERS = [
  'contract',
  'sim',
  'lessons',
  'shell',
  'worker',
  'bridge',
  'store',
  'viz',
  'content',
  'i18n',
  'ui',
  'features',
  'app',
];
const PURE_LAYERS = ['contract', 'sim', 'lessons', 'shell'];
/** The worker side: what the page may only reach through the contract. */
const WORKER_SIDE = ['sim', 'lessons', 'shell', 'worker'];
/**
 * The composition root's one door to the simulator: the only page module that may name
 * src/worker at run time (it constructs the worker, or loads the sim on the page for `?mainthread`
 * and the embed's fallback). Everything else on the page speaks src/contract.
 */
const SIM_HOST = 'src/app/sim-host.ts';
const ABOVE_PURE = LAYERS.filter((l) => !PURE_LAYERS.includes(l));

/**
 * What each layer must not import.
 * - `full`: banned outright, `import type` included (the arrow would point down).
 * - `runtime`: banned unless the import is type-only (`import type …`, `export type … from`).
 * - `packages` / `packagesRuntime`: npm packages (the name and its subpaths), same two strengths.
 * - `bare`: any bare specifier (npm package, node: builtin) is banned: the layer imports nothing
 *   outside src.
 * Layers are matched by relative specifiers that climb exactly up to src/ (so src/ui/lessons/ is
 * not mistaken for src/lessons/) and by the aliases `@/x`, `~/x`, `src/x`, `/src/x`.
 */
const LAYER_RULES = {
  // The contract both sides import: nothing else of the project, and no package but zod.
  contract: { full: LAYERS.filter((l) => l !== 'contract'), bare: true, barePackages: ['zod'] },
  sim: { full: LAYERS.filter((l) => l !== 'sim' && l !== 'contract'), bare: true },
  // Lessons script shell lines, so they may name the shell's types (never run its code).
  lessons: {
    full: LAYERS.filter((l) => !['contract', 'sim', 'lessons', 'shell'].includes(l)),
    runtime: ['shell'],
    bare: true,
  },
  shell: {
    full: LAYERS.filter((l) => !['contract', 'sim', 'shell'].includes(l)),
    bare: true,
  },
  worker: {
    full: ['bridge', 'store', 'viz', 'content', 'i18n', 'ui', 'app'],
    packages: ['react', 'react-dom', 'd3', 'd3-[a-z-]+', 'zustand'],
  },
  // The page: what crosses the worker line comes from src/contract, types included.
  bridge: {
    full: [...WORKER_SIDE, 'viz', 'ui', 'features', 'app'],
  },
  store: {
    full: [...WORKER_SIDE, 'viz', 'ui', 'features', 'app'],
    runtime: ['bridge'],
  },
  viz: {
    full: WORKER_SIDE,
    runtime: ['bridge', 'store', 'ui', 'features', 'app'],
    packages: ['react', 'react-dom', 'd3-selection'],
    packagesRuntime: ['comlink'],
  },
  content: {
    full: WORKER_SIDE,
    runtime: ['bridge', 'store', 'viz', 'ui', 'features', 'app'],
    packagesRuntime: ['comlink'],
  },
  i18n: {
    full: WORKER_SIDE,
    runtime: LAYERS.filter((l) => l !== 'i18n' && !WORKER_SIDE.includes(l)),
    packagesRuntime: ['comlink'],
  },
  ui: {
    full: WORKER_SIDE,
    runtime: ['app'],
    packagesRuntime: ['comlink'],
  },
  // A feature (sharing, presenter, embed, offline) keeps its store, wiring, UI and styles in one
  // folder (docs/architecture.md): page code like src/app, which it plugs into.
  features: { full: WORKER_SIDE },
  app: { full: WORKER_SIDE },
  // SIM_HOST: the app's rule less the worker (it may construct it, or import it on demand).
  'app/sim-host': { full: ['sim', 'lessons', 'shell'] },
};

/** d3 re-exports d3-selection; viz must not reach the DOM through it either. */
const D3_SELECTION_NAMES = ['select', 'selectAll', 'selection', 'create', 'pointer', 'pointers'];

/** Deepest folder nesting under src/<layer>/ that gets an exact `../` count; deeper is approximate. */
const MAX_DEPTH = 6;

const alt = (names) => `(?:${names.join('|')})`;
const ALIAS = '(?:@|~|/?src)/';

/** Regex for a specifier naming one of `layers`, seen from a file `depth` folders below its layer. */
function layerRegex(layers, depth) {
  const up = depth >= MAX_DEPTH ? `(?:\\.\\./){${depth + 1},}` : `(?:\\.\\./){${depth + 1}}`;
  return `^(?:${up}|${ALIAS})${alt(layers)}(?:/|$)`;
}
const packageRegex = (pkgs) => `^${alt(pkgs)}(?:/|$)`;

function describe(layer, what, typesOk) {
  return (
    `src/${layer} must not import ${what}${typesOk ? ' at runtime (use `import type`)' : ''}` +
    ' — DESIGN §2 layers; arrows point up only.'
  );
}

function restrictedImportsFor(layer, depth) {
  const r = LAYER_RULES[layer];
  const patterns = [];
  const runtimeRegexes = [];
  if (r.full?.length) {
    const regex = layerRegex(r.full, depth);
    patterns.push({ regex, message: describe(layer, `src/{${r.full.join(',')}}`, false) });
    runtimeRegexes.push(regex);
  }
  if (r.runtime?.length) {
    const regex = layerRegex(r.runtime, depth);
    patterns.push({
      regex,
      allowTypeImports: true,
      message: describe(layer, `src/{${r.runtime.join(',')}}`, true),
    });
    runtimeRegexes.push(regex);
  }
  if (r.packages?.length) {
    const regex = packageRegex(r.packages);
    patterns.push({
      regex,
      message: describe(layer, `the packages ${r.packages.join(', ')}`, false),
    });
    runtimeRegexes.push(regex);
  }
  if (r.packagesRuntime?.length) {
    const regex = packageRegex(r.packagesRuntime);
    patterns.push({
      regex,
      allowTypeImports: true,
      message: describe(layer, `the packages ${r.packagesRuntime.join(', ')}`, true),
    });
    runtimeRegexes.push(regex);
  }
  if (r.bare) {
    const allowed = r.barePackages?.length ? `(?!${alt(r.barePackages)}(?:/|$))` : '';
    const regex = `^(?![./])${allowed}`;
    const but = r.barePackages?.length ? ` but ${r.barePackages.join(', ')}` : '';
    patterns.push({
      regex,
      message: `src/${layer} imports nothing outside src (no npm packages${but}, no node: builtins) — DESIGN §2.`,
    });
    runtimeRegexes.push(regex);
  }
  const paths =
    layer === 'viz'
      ? [
          {
            name: 'd3',
            importNames: D3_SELECTION_NAMES,
            message: 'src/viz is pure D3 math: no d3-selection (DOM) — render in src/ui.',
          },
        ]
      : [];
  return { patterns, paths, runtimeRegexes };
}

/** esquery regex bodies cannot contain a raw `/`; `\x2F` means the same to RegExp. */
const esqueryRegex = (re) => re.replaceAll('/', '\\x2F');

/** `new Date()` / `Date()` read the wall clock. */
const CLOCK_SYNTAX = [
  {
    selector: 'NewExpression[callee.type="Identifier"][callee.name="Date"]',
    message: 'No wall clock in the pure layers: simulated time is an integer (ns) in the model.',
  },
  {
    selector: 'CallExpression[callee.type="Identifier"][callee.name="Date"]',
    message: 'No wall clock in the pure layers: simulated time is an integer (ns) in the model.',
  },
];

function layerBlocks(layer) {
  const blocks = [];
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const { patterns, paths, runtimeRegexes } = restrictedImportsFor(layer, depth);
    // Dynamic import() is not seen by no-restricted-imports: every layer is held to its static
    // rules here too (SIM_HOST's own block lets it load the worker's code on demand).
    const dynamicImportSyntax = runtimeRegexes.map((re) => ({
      selector: `ImportExpression[source.value=/${esqueryRegex(re)}/i]`,
      message: `src/${layer}: this dynamic import() crosses a layer boundary (DESIGN §2).`,
    }));
    const syntax = [...dynamicImportSyntax, ...(PURE_LAYERS.includes(layer) ? CLOCK_SYNTAX : [])];
    const dirs = depth >= MAX_DEPTH ? `${'*/'.repeat(depth)}**/` : '*/'.repeat(depth);
    blocks.push({
      name: `layers/${layer}/depth-${depth}`,
      files: [`src/${layer}/${dirs}*.${SRC_EXT}`],
      ignores: [SIM_HOST],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { patterns, ...(paths.length ? { paths } : {}) },
        ],
        'no-restricted-syntax': syntax.length ? ['error', ...syntax] : 'off',
      },
    });
  }
  return blocks;
}

/** SIM_HOST's own rule: the app's, less the worker (static and dynamic imports alike). */
function simHostBlock() {
  const { patterns, runtimeRegexes } = restrictedImportsFor('app/sim-host', 0);
  return {
    name: 'layers/app/sim-host',
    files: [SIM_HOST],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': [
        'error',
        ...runtimeRegexes.map((re) => ({
          selector: `ImportExpression[source.value=/${esqueryRegex(re)}/i]`,
          message: 'src/app/sim-host.ts: this dynamic import() crosses a layer boundary.',
        })),
      ],
    },
  };
}

const DETERMINISM_MSG =
  'The pure layers are deterministic and platform-independent: use the injected PRNG, simulated ' +
  'integer time and integer math (DESIGN §2).';
const BANNED_MATH = [
  'random',
  'log',
  'log2',
  'log10',
  'log1p',
  'exp',
  'expm1',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'sqrt',
  'cbrt',
  'hypot',
];
const BANNED_GLOBALS = [
  'document',
  'window',
  'self',
  'globalThis',
  'performance',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'queueMicrotask',
  'crypto',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'postMessage',
  'process',
];

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist-e2e-*/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    'coverage/',
    'bench-results/',
    'tests/lint-fixtures/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'project/typescript',
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      // `import { type X } from '../sim/x'` still loads '../sim/x' under verbatimModuleSyntax,
      // and no-restricted-imports' allowTypeImports lets it through: require `import type`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },

  // Globals per runtime (matter for plain JS files and for rules like no-undef there).
  {
    name: 'globals/node',
    files: ['*.{js,mjs,cjs,ts}', 'scripts/**', 'server/**', 'tests/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'globals/browser',
    files: [`src/{bridge,store,viz,content,i18n,ui,features,app}/**/*.${SRC_EXT}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'globals/worker',
    files: [`src/worker/**/*.${SRC_EXT}`],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    name: 'globals/service-worker',
    files: ['src/features/offline/service-worker.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    name: 'globals/pure',
    files: [`src/{contract,sim,lessons,shell}/**/*.${SRC_EXT}`],
    languageOptions: { globals: { ...globals.es2022 } },
  },

  // React hooks (incl. the React Compiler rules of v7) where React lives.
  {
    ...reactHooks.configs.flat.recommended,
    name: 'react-hooks/ui-app',
    files: [`src/{ui,features,app}/**/*.${SRC_EXT}`],
  },

  // Layer import rules (DESIGN §2), one block per layer and folder depth.
  ...ABOVE_PURE.flatMap(layerBlocks),
  simHostBlock(),
  ...PURE_LAYERS.flatMap(layerBlocks),

  // Determinism in the pure layers.
  {
    name: 'determinism/pure-layers',
    files: [`src/{contract,sim,lessons,shell}/**/*.${SRC_EXT}`],
    rules: {
      'no-restricted-properties': [
        'error',
        ...BANNED_MATH.map((property) => ({
          object: 'Math',
          property,
          message: `Math.${property}: ${DETERMINISM_MSG}`,
        })),
        { object: 'Date', property: 'now', message: `Date.now: ${DETERMINISM_MSG}` },
        { object: 'performance', property: 'now', message: `performance.now: ${DETERMINISM_MSG}` },
      ],
      'no-restricted-globals': [
        'error',
        ...BANNED_GLOBALS.map((name) => ({
          name,
          message: `${name}: no DOM, worker, timer or host globals in the pure layers (DESIGN §2).`,
        })),
      ],
    },
  },

  // e2e specs drive the page (and window.__viz), never src internals at runtime.
  {
    name: 'layers/e2e',
    files: ['tests/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?:(?:\\.\\./)+src|@|~)(?:/|$)',
              allowTypeImports: true,
              message: 'e2e tests drive the page, not src internals (type-only imports are fine).',
            },
          ],
        },
      ],
    },
  },
]);
