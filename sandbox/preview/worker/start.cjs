// The worker thread's entry: Node runs it as it is, and it loads the TypeScript through tsx.
require("tsx/cjs/api").register();
require("./runtimeWorker.ts");
