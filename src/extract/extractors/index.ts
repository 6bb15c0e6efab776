// The static extractors in the order they run: each may read the families of those before it
// (env-spec reads readme's install commands; imports reads env-spec to say whether a spec declares it;
// data-refs and placeholders read readme; imports, path-literals and data-refs read kaggle-kernel;
// rerun-plan reads readme, kaggle-kernel, training and data-refs).
import type { Extractor } from "../extractor.js";
import { extractor as inventory } from "./inventory.js";
import { extractor as vendored } from "./vendored.js";
import { extractor as envSpec } from "./env-spec.js";
import { extractor as readme } from "./readme.js";
import { extractor as branches } from "./branches.js";
import { extractor as imports } from "./imports.js";
import { extractor as kaggleKernel } from "./kaggle-kernel.js";
import { extractor as pathLiterals } from "./path-literals.js";
import { extractor as dataRefs } from "./data-refs.js";
import { extractor as cliOptions } from "./cli-options.js";
import { extractor as syntax } from "./syntax.js";
import { extractor as placeholders } from "./placeholders.js";
import { extractor as undefinedNames } from "./undefined-names.js";
import { extractor as training } from "./training.js";
import { extractor as trainingSetup } from "./training-setup.js";
import { extractor as suppressions } from "./suppressions.js";
import { extractor as rerunPlan } from "../families/rerun-plan/index.js";

export const STATIC_EXTRACTORS: readonly Extractor[] = [
  inventory,
  vendored,
  kaggleKernel,
  readme,
  envSpec,
  branches,
  imports,
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
];
