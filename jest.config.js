/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Every test runs with the process in Los Angeles, so code that reads dates in the process
  // time zone instead of the spreadsheet's fails somewhere.
  globalSetup: "<rootDir>/test/support/globalSetup.js",
  // Type errors are caught by `npm run typecheck`; ts-jest only transpiles (isolatedModules).
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/test/tsconfig.json" }],
  },
};
