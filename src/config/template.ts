// The commented .repro-audit.yml that `repro-audit init` prints.
import { DEFAULT_PUE } from "../carbon/equivalents.js";

export const CONFIG_TEMPLATE = `# .repro-audit.yml: how repro-audit should read and run this solution.
# Schema: schemas/config.schema.json of the repro-audit package. Every key is optional.

# Extra rule folders (YAML rules, relative to this file) and rules to leave out.
# rules: [audit-rules]
# disable: [code-options-explained]

# Fail the audit (exit 1) below this total score.
# failUnder: 70

# Stages to run by default: static (read only), resolve (asks the package index whether each spec
# installs; no engine), build (container image), epoch (one measured epoch).
# stages: [static, resolve, build, epoch]

# build:
#   engine: auto            # auto | docker | podman
#   baseImage: python:3.11-slim
#   timeoutSeconds: 1800
#   resolveBudgetSeconds: 120  # the resolve stage's time in all; what it leaves unasked is said, not judged

# The train plan: what one full training is. Numbers here beat what is inferred from the code.
# train:
#   commands: ["python train.py --fold 0"]
#   epochs: 30              # epochs of one run
#   folds: 5                # runs = folds x models x seeds
#   models: 1
#   seeds: 1
#   measureEpochs: 1        # epochs to measure before predicting the rest
#   epochMarker: end        # the output's epoch lines print after each epoch (default: read from the output)
#   data: ["./input:/kaggle/input"]

# carbon:
#   region: FR              # ISO country code for the grid's carbon intensity
#   pue: ${DEFAULT_PUE}               # power usage effectiveness of the data centre
`;
