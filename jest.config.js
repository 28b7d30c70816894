const { chromiumMissingReason } = require("./test/browser/support/chromium");

// The browser tests drive Chromium. Without it they are left out, with one line saying why (on
// stderr, where jest reports, so `--json` on stdout stays valid), and a run of only them passes.
const browserTestsSkipped = chromiumMissingReason();
if (browserTestsSkipped !== null) console.error(browserTestsSkipped);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", ...(browserTestsSkipped === null ? [] : ["<rootDir>/test/browser/"])],
  passWithNoTests: browserTestsSkipped !== null,
  // Every test runs with the process in Los Angeles, so code that reads dates in the process
  // time zone instead of the spreadsheet's fails somewhere.
  globalSetup: "<rootDir>/test/support/globalSetup.js",
  // `npm run coverage` (not part of `npm test`): how much of src/ the tests run. The add-on that
  // test/addon and test/corpus drive is the built bundle, which is not instrumented, so this
  // counts the unit tests (the sidebar's included: they run its source in jsdom).
  coverageDirectory: "<rootDir>/coverage",
  collectCoverageFrom: ["<rootDir>/src/**/*.ts"],
  // Type errors are caught by `npm run typecheck`; ts-jest only transpiles (isolatedModules).
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/test/tsconfig.json" }],
  },
};
