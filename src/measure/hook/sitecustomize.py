"""repro-audit epoch hook: marks epoch and batch boundaries and stops the run after the measured part.

Put this folder on PYTHONPATH and set REPRO_AUDIT_EVENTS_SOCKET to a unix socket the host listens on (the audit
does; the host stamps each line as it arrives and nothing written can be rewritten), or REPRO_AUDIT_EVENTS to a
file path (scripts/gpu-check.sh). Without either the hook does nothing. Frameworks are patched lazily, when the
program itself imports them, so an absent framework costs nothing (the patches: repro_audit_frameworks.py). Events are JSON lines: {"t", "event", "epoch", "batch", "batches_per_epoch"}, and
"total_epochs" on an epoch start where the framework knows it (Keras).
Environment: REPRO_AUDIT_MEASURE_EPOCHS (default 1), REPRO_AUDIT_BATCHES (stop after K batches),
REPRO_AUDIT_STOP_GRACE_MS (an idle pause before the stop, so the host's meters read the counters at the end).
Every event also carries the process's own clock ("pid", "ppid", "cpu": CPU seconds of the process and its reaped
children, "rss_kb": peak memory), from a "start" event at interpreter start on: a window shorter than any host
sampling still has its CPU seconds. Lines printed with an epoch number are marked ("mark") with that clock too.
"""
import os
import re
import sys
import threading
import time

try:
    import resource
except ImportError:  # not on POSIX: no CPU clock beyond process_time
    resource = None

_SOCKET = os.environ.get("REPRO_AUDIT_EVENTS_SOCKET")
_EVENTS = os.environ.get("REPRO_AUDIT_EVENTS")


def _chain_next_sitecustomize():
    # Debian and conda ship their own sitecustomize; ours shadows it, so run the next one on sys.path.
    import importlib.util
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        if not entry or os.path.abspath(entry) == here:
            continue
        path = os.path.join(entry, "sitecustomize.py")
        if os.path.isfile(path):
            try:
                spec = importlib.util.spec_from_file_location("_repro_audit_next_sitecustomize", path)
                if spec and spec.loader:
                    spec.loader.exec_module(importlib.util.module_from_spec(spec))
            except Exception:
                pass
            return


class _Recorder:
    def __init__(self, socket_path, file_path):
        self.sock = None
        self.file = None
        if socket_path:
            import socket
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.connect(socket_path)
        else:
            self.file = open(file_path, "a", buffering=1)
        self.measure_epochs = int(os.environ.get("REPRO_AUDIT_MEASURE_EPOCHS", "1") or 1)
        batches = os.environ.get("REPRO_AUDIT_BATCHES", "")
        self.max_batches = int(batches) if batches.isdigit() and int(batches) > 0 else None
        self.owner = None  # the framework whose callbacks speak; a DataLoader under it stays quiet
        # Keras on JAX/TF calls batch callbacks from a thread pool: one writer at a time, counts never go back.
        self.lock = threading.RLock()
        if hasattr(os, "register_at_fork"):  # a worker forked while another thread wrote must not inherit a held lock
            os.register_at_fork(after_in_child=self._new_lock)
        self.epoch = 0
        self.batch = 0
        self.batches_per_epoch = None

    def write(self, event, **extra):
        import json
        with self.lock:
            record = {"t": time.time(), "event": event, "epoch": self.epoch, "batch": self.batch}
            if self.batches_per_epoch:
                record["batches_per_epoch"] = self.batches_per_epoch
            record.update(_usage())
            record.update(extra)
            line = json.dumps(record) + "\n"
            try:
                if self.sock is not None:
                    self.sock.sendall(line.encode("utf-8"))
                elif self.file is not None:
                    self.file.write(line)
            except Exception:  # the host went away: the program goes on unmarked
                self.sock = self.file = None

    def _new_lock(self):
        self.lock = threading.RLock()

    def claim(self, owner):
        if self.owner is None:
            self.owner = owner
        return self.owner == owner

    def epoch_start(self, owner, batches_per_epoch=None, total_epochs=None):
        with self.lock:
            if not self.claim(owner):
                return
            if self.epoch >= self.measure_epochs:
                # A DataLoader has no end-of-epoch call: the next epoch's start closes the measured one.
                self.write("epoch_end")
                self.stop("measured %d epoch(s)" % self.epoch)
            self.epoch += 1
            self.batch = 0
            if batches_per_epoch:
                self.batches_per_epoch = int(batches_per_epoch)
            self.write("epoch_start", **({"total_epochs": int(total_epochs)} if total_epochs else {}))

    def batch_end(self, owner, count=None):
        """One batch done; `count`: batches done in this epoch when the framework says (Keras runs several per call)."""
        with self.lock:
            if not self.claim(owner):
                return
            if self.epoch == 0:
                self.epoch_start(owner)
            self.batch = max(self.batch, int(count)) if count else self.batch + 1
            self.write("batch_end")
            if self.max_batches and self.epoch == 1 and self.batch >= self.max_batches:
                self.stop("measured %d batch(es)" % self.batch)

    def epoch_end(self, owner):
        with self.lock:
            if not self.claim(owner):
                return
            self.write("epoch_end")
            if self.epoch >= self.measure_epochs:
                self.stop("measured %d epoch(s)" % self.epoch)

    def stop(self, reason):
        self.write("stop", reason=reason)
        try:
            if self.file is not None:
                self.file.flush()
        except Exception:
            pass
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        try:
            # Idle a moment so the host reads its counters (cgroup, RAPL) at the end of the measured part.
            time.sleep(min(2.0, max(0.0, int(os.environ.get("REPRO_AUDIT_STOP_GRACE_MS", "0") or 0) / 1000.0)))
        except Exception:
            pass
        os._exit(0)  # skip the rest of training (and framework teardown) at once


def _usage():
    """This process's clock: CPU seconds of all its threads plus reaped children (DataLoader workers), peak memory."""
    usage = {"pid": os.getpid(), "cpu": time.process_time()}
    if resource is not None:
        try:
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            own = resource.getrusage(resource.RUSAGE_SELF)
            usage["cpu"] += children.ru_utime + children.ru_stime
            peak = max(own.ru_maxrss, children.ru_maxrss)
            usage["rss_kb"] = peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux
        except Exception:
            pass
    usage["cpu"] = round(usage["cpu"], 6)
    return usage


# Lines that name an epoch, as the host's stdout fallback reads them ("Epoch 3/30", "epoch: 3", "[Epoch 3]").
_EPOCH_LINE = re.compile(r"\bepoch\s*[:#\[(]?\s*(\d+)", re.IGNORECASE)


class _MarkingStream:
    """Wraps sys.stdout/stderr: passes every write through unchanged and, when a write names a new epoch number,
    records the CPU clock at that instant ("mark"), so a stdout-only loop's epochs have CPU seconds at their edges."""

    def __init__(self, inner, rec, seen):
        self.__dict__["_inner"] = inner
        self.__dict__["_rec"] = rec
        self.__dict__["_seen"] = seen  # shared by stdout and stderr: one mark per epoch label

    def write(self, text):
        try:
            if isinstance(text, str) and "poch" in text.lower():
                match = _EPOCH_LINE.search(text)
                if match and match.group(1) != self._seen.get("label"):
                    self._seen["label"] = match.group(1)
                    self._rec.write("mark", label=int(match.group(1)))
        except Exception:
            pass  # marking must never change what the program prints
        return self._inner.write(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __setattr__(self, name, value):
        setattr(self._inner, name, value)

    def __iter__(self):
        return iter(self._inner)


def _mark_streams(rec):
    seen = {}
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is not None and not isinstance(stream, _MarkingStream):
            setattr(sys, name, _MarkingStream(stream, rec, seen))


# module name the program imports -> patch applied once it has loaded (repro_audit_frameworks.PATCHES)
_PATCHES = {}


class _Watcher:
    """A sys.meta_path finder that lets the real finders load a module, then patches it."""

    def __init__(self, rec):
        self.rec = rec
        self.busy = set()

    def find_spec(self, name, path=None, target=None):
        if name not in _PATCHES or name in self.busy:
            return None
        import importlib.util
        self.busy.add(name)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            self.busy.discard(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None
        loader = spec.loader
        rec = self.rec

        class PatchingLoader:
            def __getattr__(self, attr):  # get_source, get_resource_reader, is_package...: the real loader's
                return getattr(loader, attr)

            def create_module(self, spec):
                return loader.create_module(spec)

            def exec_module(self, module):
                loader.exec_module(module)
                try:
                    _PATCHES[name](module, rec)
                except Exception as error:  # never break the program under audit
                    rec.write("hook_error", message="%s: %s" % (name, error))

        spec.loader = PatchingLoader()
        return spec


def _install(socket_path, file_path):
    global _PATCHES
    rec = _Recorder(socket_path, file_path)
    rec.write("start", ppid=os.getppid())
    try:
        from repro_audit_frameworks import PATCHES  # beside this file, on the same PYTHONPATH entry
        _PATCHES = PATCHES
    except Exception as error:
        rec.write("hook_error", message="frameworks: %s" % error)
    try:
        _mark_streams(rec)
    except Exception as error:
        rec.write("hook_error", message="streams: %s" % error)
    for name, patch in _PATCHES.items():
        if name in sys.modules:
            patch(sys.modules[name], rec)
    sys.meta_path.insert(0, _Watcher(rec))
    return rec


if _SOCKET or _EVENTS:
    try:
        _install(_SOCKET, _EVENTS)
    except Exception as error:  # a broken hook must not change the program's behaviour
        sys.stderr.write("repro-audit hook disabled: %s\n" % error)
_chain_next_sitecustomize()
