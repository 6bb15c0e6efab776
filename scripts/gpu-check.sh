#!/usr/bin/env bash
# GPU check for a lent machine (Python + PyTorch + nvidia-smi; no Node, no network): runs real PyTorch epochs
# with the repro-audit hook on PYTHONPATH while nvidia-smi samples power, and leaves the raw files in $OUT:
#   events.jsonl (hook, full run), nvidia-smi.csv, meta.json, stdout.log, stop-events.jsonl (hook stopping after
#   epoch 1), stop.txt. Analyse them on a machine with Node: node dist/bench/epoch.js analyse <OUT>
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-$(mktemp -d)}"
EPOCHS="${EPOCHS:-4}"
HOOK="$PWD/src/measure/hook"
WORK="$(mktemp -d)"
mkdir -p "$OUT"

python3 - <<'PY' | tee "$OUT/versions.txt"
import platform, torch
print("python", platform.python_version(), "torch", torch.__version__, "cuda", torch.cuda.is_available(),
      torch.cuda.get_device_name(0) if torch.cuda.is_available() else "-")
PY
nvidia-smi -L | tee "$OUT/gpus.txt"
grep -m1 "model name" /proc/cpuinfo | sed 's/.*: //' > "$OUT/cpu.txt" || true

cat > "$WORK/train.py" <<'PY'
"""A real PyTorch training loop: a deep CNN on synthetic images, DataLoader batches, bf16 autocast."""
import argparse, time, torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=4)
p.add_argument("--images", type=int, default=12800)
p.add_argument("--size", type=int, default=96)
p.add_argument("--width", type=int, default=256)
p.add_argument("--depth", type=int, default=12)
args = p.parse_args()
torch.manual_seed(0)
torch.backends.cudnn.benchmark = True
dev = "cuda"
g = torch.Generator().manual_seed(0)
x = torch.randint(0, 256, (args.images, 3, args.size, args.size), dtype=torch.uint8, generator=g)
y = torch.randint(0, 10, (args.images,), generator=g)
loader = DataLoader(TensorDataset(x, y), batch_size=128, shuffle=True, pin_memory=True, num_workers=2)
layers = [nn.Conv2d(3, args.width, 3, padding=1), nn.ReLU()]
for _ in range(args.depth - 1):
    layers += [nn.Conv2d(args.width, args.width, 3, padding=1), nn.BatchNorm2d(args.width), nn.ReLU()]
model = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(args.width, 10)).to(dev)
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(1, args.epochs + 1):
    print(f"Epoch {epoch}/{args.epochs}", flush=True)
    t = time.time()
    for i, (xb, yb) in enumerate(loader, 1):
        xb = xb.to(dev, non_blocking=True).float().div_(255)
        yb = yb.to(dev, non_blocking=True)
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = loss_fn(model(xb), yb)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        torch.cuda.synchronize()  # batch boundaries then mean finished GPU work
    print(f"epoch {epoch} done in {time.time() - t:.1f}s loss {loss.item():.3f}", flush=True)
PY

# nvidia-smi prints local time: run it in UTC so the timestamps line up with the hook's unix times.
TZ=UTC nvidia-smi --query-gpu=index,timestamp,power.draw,utilization.gpu,memory.used \
  --format=csv,noheader,nounits -lms 500 > "$OUT/nvidia-smi.csv" &
SMI=$!
trap 'kill $SMI 2>/dev/null || true; rm -rf "$WORK"' EXIT
sleep 3 # idle power before the run

# 1. The full run, hook recording only (measure-epochs far above the run), for predicted-vs-actual.
start=$(date +%s.%N)
PYTHONPATH="$HOOK" REPRO_AUDIT_EVENTS="$OUT/events.jsonl" REPRO_AUDIT_MEASURE_EPOCHS=999 \
  python3 -u "$WORK/train.py" --epochs "$EPOCHS" > "$OUT/stdout.log" 2>&1
end=$(date +%s.%N)
sleep 2

# 2. The audit's way: the hook stops the program after epoch 1.
s2=$(date +%s.%N)
set +e
PYTHONPATH="$HOOK" REPRO_AUDIT_EVENTS="$OUT/stop-events.jsonl" REPRO_AUDIT_MEASURE_EPOCHS=1 \
  python3 -u "$WORK/train.py" --epochs "$EPOCHS" > "$OUT/stop-stdout.log" 2>&1
code=$?
set -e
e2=$(date +%s.%N)
echo "exit=$code seconds=$(python3 -c "print(round($e2-$s2,1))") events=$(wc -l < "$OUT/stop-events.jsonl")" | tee "$OUT/stop.txt"
kill $SMI 2>/dev/null || true

cat > "$OUT/meta.json" <<JSON
{ "start": $start, "end": $end, "epochs": $EPOCHS, "command": "python3 train.py --epochs $EPOCHS",
  "smiOffsetMinutes": 0, "cpuModel": "$(cat "$OUT/cpu.txt" 2>/dev/null)" }
JSON
echo "full run: $(python3 -c "print(round($end-$start,1))") s; samples: $(wc -l < "$OUT/nvidia-smi.csv"); events: $(wc -l < "$OUT/events.jsonl")"
tail -n 3 "$OUT/stdout.log"
