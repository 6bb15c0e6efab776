#!/usr/bin/env node
// The Action's entry, run by action.yml as `node dist/src/action/main.js` with the inputs as INPUT_* variables.
import { runAction, withholdRunnerVariables } from "./run.js";

process.exitCode = await runAction(withholdRunnerVariables(process.env), (line) => process.stdout.write(`${line}\n`));
