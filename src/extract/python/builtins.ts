// Names every Python 3.8-3.12 module can load without binding them: builtins, module dunders, IPython globals.

export const BUILTIN_NAMES: ReadonlySet<string> = new Set(
  `
  ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError
  BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
  ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
  ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError
  ImportError ImportWarning In IndentationError IndexError InterruptedError IsADirectoryError KeyError
  KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented
  NotImplementedError OSError Out OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
  PythonFinalizationError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning
  StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True
  TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError
  UnicodeWarning UserWarning ValueError Warning WindowsError ZeroDivisionError __annotations__ __build_class__
  __builtins__ __cached__ __class__ __debug__ __dict__ __doc__ __file__ __import__ __loader__ __module__
  __name__ __package__ __path__ __peg_parser__ __qualname__ __spec__ abs aiter all anext any ascii bin bool
  breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir display
  divmod enumerate eval exec exit filter float format frozenset get_ipython getattr globals hasattr hash help
  hex id input int isinstance issubclass iter len license list locals map max memoryview min next object oct
  open ord pow print property quit range repr reveal_type reversed round set setattr slice sorted staticmethod
  str sum super tuple type vars zip
  `
    .split(/\s+/)
    .filter(Boolean),
);

export const KEYWORDS: ReadonlySet<string> = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** Soft keywords: names only in some positions, so never reported as undefined. */
export const SOFT_KEYWORDS: ReadonlySet<string> = new Set(["match", "case", "type", "_"]);
