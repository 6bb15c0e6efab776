// The static extractors, one per fact family. They run in the order their declared reads give
// (run/run-order.ts); this list only breaks ties, so a new family may be added anywhere.
import type { Extractor } from "../extractor.js";
import { runOrder } from "../run/run-order.js";
import { extractor as inventory } from "./inventory/index.js";
import { extractor as vendored } from "./vendored/index.js";
import { extractor as envSpec } from "./env-spec/index.js";
import { extractor as readme } from "./readme/index.js";
import { extractor as branches } from "./branches/index.js";
import { extractor as imports } from "./imports/index.js";
import { extractor as removedApis } from "./removed-apis/index.js";
import { extractor as kaggleKernel } from "./kaggle-kernel/index.js";
import { extractor as pathLiterals } from "./path-literals/index.js";
import { extractor as dataRefs } from "./data-refs/index.js";
import { extractor as cliOptions } from "./cli-options/index.js";
import { extractor as syntax } from "./syntax/index.js";
import { extractor as placeholders } from "./placeholders/index.js";
import { extractor as undefinedNames } from "./undefined-names/index.js";
import { extractor as training } from "./training/index.js";
import { extractor as trainingSetup } from "./training-setup/index.js";
import { extractor as suppressions } from "./suppressions/index.js";
import { extractor as rerunPlan } from "./rerun-plan/index.js";

export const STATIC_EXTRACTORS: readonly Extractor[] = runOrder([
  inventory,
  vendored,
  kaggleKernel,
  readme,
  envSpec,
  branches,
  imports,
  removedApis,
  pathLiterals,
  dataRefs,
  cliOptions,
  syntax,
  placeholders,
  undefinedNames,
  training,
  trainingSetup,
  rerunPlan,
  suppressions,
]);
