// Lines of a console session pasted into a script (Spyder's `runfile('/home/u/x.py', wdir='/home/u')`, an IPython
// `In [3]:` prompt, a traceback's `File "/home/u/x.py", line 3`): the author's session, no path the code opens.
const CONSOLE_LINE =
  /^\s*(?:In \[\d+\]:\s*)?(?:runfile|debugfile)\(\s*['"][^'"]*['"]\s*,\s*wdir\s*=|^\s*File "[^"]+", line \d+/;

export function consoleLogLine(line: string): boolean {
  return CONSOLE_LINE.test(line);
}
