"""repro-audit epoch hook, the framework patches: PyTorch DataLoader, Keras, PyTorch Lightning, Hugging Face Trainer.

sitecustomize.py applies them when the program imports the framework; each marks epochs and batches on the recorder
it is given. Kept apart so the hook's core stays small; its name is the hook's own, so no program's module shadows it.
"""


def _patch_torch_dataloader(module, rec):
    loader_cls = getattr(module, "DataLoader", None)
    if loader_cls is None or getattr(loader_cls, "_repro_audit", False):
        return
    original_iter = loader_cls.__iter__
    state = {"train": None, "shuffles": False}

    def is_train(loader):
        # The training loader is the first one iterated, unless a shuffling one shows up before any
        # epoch was completed (a script that evaluates a baseline on the validation loader first).
        shuffles = type(getattr(loader, "sampler", None)).__name__ in ("RandomSampler", "DistributedSampler")
        if state["train"] is None or (shuffles and not state["shuffles"] and rec.epoch <= 1):
            if state["train"] is not None and state["train"] != id(loader):
                rec.epoch = 0
                rec.write("reset")  # what was marked so far was not training
            state["train"] = id(loader)
            state["shuffles"] = shuffles
        return state["train"] == id(loader)

    def patched_iter(self):
        iterator = original_iter(self)
        if rec.owner not in (None, "torch") or not is_train(self):
            return iterator
        try:
            n = len(self)
        except Exception:
            n = None
        rec.epoch_start("torch", n)
        return _CountingIterator(iterator, rec)

    loader_cls.__iter__ = patched_iter
    loader_cls._repro_audit = True


class _CountingIterator:
    def __init__(self, inner, rec):
        self.inner = inner
        self.rec = rec
        self.handed = 0

    def __iter__(self):
        return self

    def __next__(self):
        # Asking for batch i+1 means batch i was processed.
        if self.handed:
            self.rec.batch_end("torch")
        try:
            item = next(self.inner)
        except StopIteration:
            self.handed = 0
            raise
        self.handed += 1
        return item

    def __len__(self):
        return len(self.inner)


def _patch_keras(module, rec):
    model_cls = getattr(module, "Model", None)
    callbacks = getattr(module, "callbacks", None)
    if model_cls is None or callbacks is None or getattr(model_cls, "_repro_audit", False):
        return
    import functools
    import inspect

    class ReproAuditCallback(callbacks.Callback):
        # Keras 3 runs batch callbacks on a thread pool (JAX, TF) only when every callback says it may; a callback
        # that does not would make each step wait for its logs, slowing the run it measures. The batch stop waits
        # in the training thread instead, so the process is idle while the host reads its meters at the end.
        async_safe = rec.max_batches is None

        def on_epoch_begin(self, epoch, logs=None):
            params = self.params or {}
            rec.epoch_start("keras", params.get("steps"), params.get("epochs"))

        def on_train_batch_end(self, batch, logs=None):
            # `batch` is the 0-based index of the last step done (several per call with steps_per_execution).
            rec.batch_end("keras", batch + 1 if isinstance(batch, int) else None)

        def on_epoch_end(self, epoch, logs=None):
            rec.epoch_end("keras")

    original_fit = model_cls.fit
    try:
        signature = inspect.signature(original_fit)
    except (TypeError, ValueError):
        signature = None

    def with_ours(given):
        if given is None:
            return [ReproAuditCallback()]
        if isinstance(given, (list, tuple)):
            return list(given) + [ReproAuditCallback()]
        if hasattr(given, "append") and hasattr(given, "callbacks"):  # a CallbackList made by the program
            given.append(ReproAuditCallback())
            return given
        return [given, ReproAuditCallback()]  # a single callback

    @functools.wraps(original_fit)
    def fit(self, *args, **kwargs):
        rec.claim("keras")
        try:
            bound = signature.bind(self, *args, **kwargs) if signature else None
        except TypeError:
            bound = None  # let the original report the bad call as it would
        if bound is not None and "callbacks" in signature.parameters:
            bound.arguments["callbacks"] = with_ours(bound.arguments.get("callbacks"))
            return original_fit(*bound.args, **bound.kwargs)
        if signature is None:
            kwargs["callbacks"] = with_ours(kwargs.get("callbacks"))
        return original_fit(self, *args, **kwargs)

    model_cls.fit = fit
    model_cls._repro_audit = True


def _patch_lightning(module, rec):
    trainer_cls = getattr(module, "Trainer", None)
    callback_cls = getattr(module, "Callback", None)
    if trainer_cls is None or callback_cls is None or getattr(trainer_cls, "_repro_audit", False):
        return

    class ReproAuditCallback(callback_cls):
        def on_train_epoch_start(self, trainer, pl_module):
            rec.epoch_start("lightning", getattr(trainer, "num_training_batches", None))

        def on_train_batch_end(self, trainer, pl_module, *args, **kwargs):
            rec.batch_end("lightning")

        def on_train_epoch_end(self, trainer, pl_module):
            rec.epoch_end("lightning")

    original_init = trainer_cls.__init__

    def __init__(self, *args, **kwargs):
        rec.claim("lightning")
        callbacks = kwargs.get("callbacks") or []
        kwargs["callbacks"] = (list(callbacks) if isinstance(callbacks, (list, tuple)) else [callbacks]) + [ReproAuditCallback()]
        original_init(self, *args, **kwargs)

    trainer_cls.__init__ = __init__
    trainer_cls._repro_audit = True


def _patch_transformers(module, rec):
    trainer_cls = getattr(module, "Trainer", None)
    callback_cls = getattr(module, "TrainerCallback", None)
    if trainer_cls is None or callback_cls is None or getattr(trainer_cls, "_repro_audit", False):
        return

    class ReproAuditCallback(callback_cls):
        def on_epoch_begin(self, args, state, control, **kwargs):
            per_epoch = None
            if state.max_steps and args.num_train_epochs:
                per_epoch = int(state.max_steps // max(1, int(args.num_train_epochs)))
            rec.epoch_start("transformers", per_epoch)

        def on_step_end(self, args, state, control, **kwargs):
            rec.batch_end("transformers")

        def on_epoch_end(self, args, state, control, **kwargs):
            rec.epoch_end("transformers")

    original_init = trainer_cls.__init__

    def __init__(self, *args, **kwargs):
        rec.claim("transformers")
        original_init(self, *args, **kwargs)
        self.add_callback(ReproAuditCallback())

    trainer_cls.__init__ = __init__
    trainer_cls._repro_audit = True


# module name the program imports -> patch applied once it has loaded
PATCHES = {
    "torch.utils.data": _patch_torch_dataloader,
    "keras": _patch_keras,
    "tensorflow.keras": _patch_keras,
    "pytorch_lightning": _patch_lightning,
    "lightning.pytorch": _patch_lightning,
    "transformers": _patch_transformers,
}
