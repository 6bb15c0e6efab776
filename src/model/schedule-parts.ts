// Which epoch counts the code names belong to a part of a training's schedule (warm-up, cool-down, patience), not the whole.

/** `GradualWarmupScheduler(total_epoch=1)`, `warmup_epochs`, `--cooldown-epochs`, `EarlyStopping(patience)`. */
const PART_OF_SCHEDULE = /warm-?up|cool-?down|patience/i;

/** Whether an epochs value named `name` counts the epochs of a part of the schedule rather than of the training. */
export function isScheduleEpochs(name: unknown): boolean {
  return typeof name === "string" && PART_OF_SCHEDULE.test(name);
}
