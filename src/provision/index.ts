// The build stage's public surface: what the pipeline and the library re-export.
export { runBuildStage, type BuildStageInput, type BuildStageResult, type BuildFamilies } from "./build-stage.js";
export { findEngine, type Engine, type EngineLookup, type EngineName, type EnginePreference } from "./engine.js";
export type { SpecPlan, PlanFormat, PlanPackage } from "./spec-plan.js";
export type { BaseChoice } from "./base-image.js";
export type { BuildFailure } from "./failure.js";
