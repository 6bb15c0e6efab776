// A file name read as bytes, shown as text: valid UTF-8 as itself, every other byte as \xNN, so two names
// that differ only in bytes that are not UTF-8 never read alike. Pure.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The name as UTF-8, or null when its bytes are not valid UTF-8. */
export function utf8Name(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** Length of the UTF-8 sequence a lead byte starts, 0 for a byte that cannot start one. */
const sequenceLength = (b: number) =>
  b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;

export function shownName(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]!);
    const text = length > 0 && i + length <= bytes.length ? utf8Name(bytes.subarray(i, i + length)) : null;
    if (text !== null) {
      out += text;
      i += length;
    } else {
      out += `\\x${bytes[i]!.toString(16).padStart(2, "0")}`;
      i += 1;
    }
  }
  return out;
}
