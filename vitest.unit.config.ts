// `npm run test:unit`: the pure core for the edit-run loop (no container engine, no Python, no bin, no build),
// under a minute. `npm test` runs everything, these included.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "test/architecture.test.ts",
      "test/global-setup.test.ts",
      "test/evaluate/*.test.ts",
      "test/config/config.test.ts",
      "test/model/text-order.test.ts",
      "test/carbon/*.test.ts",
      "test/estimate/flops-table.test.ts",
      "test/extract/view/glob.test.ts",
      "test/extract/parse/config-parse.test.ts",
      "test/extract/families/data-refs/{located,produced,sources}.test.ts",
      "test/report/{validate,md,sarif,golden,batch-render}.test.ts",
      "test/batch/{shard,kaggle-csv,team-cost,process-count}.test.ts",
      "test/action/{outputs,action-yml,sarif,badge,commands,baseline,trust}.test.ts",
      "test/measure/{ledger,boundaries,stdout-forms,predict,integrate}.test.ts",
      "test/provision/{egress-policy,build-log}.test.ts",
    ],
    globalSetup: ["test/unit-setup.ts"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
