// ESLint with typescript-eslint's type-checked rules. Each TypeScript file is linted with the
// tsconfig that type-checks it in `npm run typecheck`, so the rules see the same globals and lib.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

const tsconfigRootDir = import.meta.dirname;

// The few Node globals the plain JavaScript files (build scripts, jest's setup) use; the
// TypeScript files need none, as the compiler checks names there.
const nodeGlobals = Object.fromEntries(
  ["require", "module", "exports", "__dirname", "__filename", "process", "console", "Buffer", "URL"].map((name) => [
    name,
    "readonly",
  ]),
);

export default defineConfig(
  { ignores: ["dist/", "node_modules/", ".sandbox/", "coverage/"] },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // sandbox/, bench/, scripts/ and test/ run in Node: test/tsconfig.json checks them.
    languageOptions: { parserOptions: { project: "./test/tsconfig.json", tsconfigRootDir } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          // `const { dropped, ...kept } = value` is how a property is left out of a copy.
          ignoreRestSiblings: true,
        },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
    },
  },

  // Shipped Apps Script code: ES2019 and the Apps Script types only.
  {
    files: ["src/**/*.ts"],
    ignores: ["src/sidebar/**", "src/dialog/**"],
    languageOptions: { parserOptions: { project: "./tsconfig.json" } },
  },
  // The sidebar, the dialog and the preview's page run in the browser, each with its own tsconfig.
  { files: ["src/sidebar/**/*.ts"], languageOptions: { parserOptions: { project: "./src/sidebar/tsconfig.json" } } },
  { files: ["src/dialog/**/*.ts"], languageOptions: { parserOptions: { project: "./src/dialog/tsconfig.json" } } },
  {
    files: ["sandbox/preview/page/**/*.ts"],
    languageOptions: { parserOptions: { project: "./sandbox/preview/page/tsconfig.json" } },
  },

  {
    files: ["test/**/*.ts"],
    rules: {
      // Tests read untyped JSON (the emulator's and the CLI's answers) and use jest's any-typed
      // matchers (expect.any, expect.stringMatching) in expected values; their assertions check these.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },

  // Plain JavaScript is in no tsconfig: the base rules only, without type information.
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
    // CommonJS files (jest's config and setup, the worker's .cjs) can only load modules with require.
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
