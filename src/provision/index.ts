// The build stage's public surface: what the pipeline and the library re-export.
export { runBuildStage, type BuildStageInput, type BuildStageResult, type BuildFamilies } from "./build-stage.js";
export { findEngine, type Engine, type EngineLookup, type EngineName, type EnginePreference } from "./engine.js";
export { detectSpec, DETECTION_ORDER, type SpecPlan, type PlanFormat, type PlanPackage } from "./spec-plan.js";
export { writeDockerfile } from "./dockerfile.js";
export { chooseBase, type BaseChoice } from "./base-image.js";
export { classifyBuildFailure, type BuildFailure } from "./failure.js";
export { removeStartedContainers, removeStartedContainersSync, removeContainersOnInterrupt, startedContainers } from "./containers.js";
export { DEFAULT_PYTHON, resolvePython } from "./python-version.js";
