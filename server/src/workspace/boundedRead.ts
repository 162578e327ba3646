import * as fs from 'node:fs';

/** The outcome of reading a file: its content, or why it was not read (`missing` when it does not exist). */
export type FileRead<T> = { ok: true; value: T } | { ok: false; missing: boolean; reason: string };

const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function failure(error: unknown): FileRead<never> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, reason: 'not found' };
  return { ok: false, missing: false, reason: `cannot be read (${code ?? String(error)})` };
}

/**
 * Reads a regular file (symbolic links are followed) of at most `limit` bytes, never more than `limit + 1`
 * bytes whatever `stat` says. Devices, pipes, sockets and folders are refused without being opened for
 * reading, and the file is opened non-blocking and checked again once open, so a file swapped for a pipe
 * in between cannot hang the caller. Never throws.
 */
export function readRegularFile(file: string, limit: number): FileRead<Buffer> {
  let fd: number | undefined;
  try {
    const before = fs.statSync(file);
    if (!before.isFile()) return { ok: false, missing: false, reason: `${kindOf(before)}, not a regular file` };
    if (before.size > limit) return { ok: false, missing: false, reason: `too large (${before.size} bytes; the limit is ${limit})` };
    fd = fs.openSync(file, READ_FLAGS);
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { ok: false, missing: false, reason: `${kindOf(opened)}, not a regular file` };
    // sized by fstat, read on until the end: a file that grows meanwhile is read whole or refused, never cut
    const parts: Buffer[] = [];
    let length = 0;
    for (let room = Math.min(limit, opened.size) + 1; length <= limit; room = 64 * 1024) {
      const part = Buffer.allocUnsafe(Math.min(room, limit + 1 - length));
      const read = fs.readSync(fd, part, 0, part.length, null);
      if (read === 0) break;
      parts.push(part.subarray(0, read));
      length += read;
    }
    if (length > limit) return { ok: false, missing: false, reason: `too large (more than ${limit} bytes)` };
    return { ok: true, value: parts.length === 1 ? parts[0] : Buffer.concat(parts, length) };
  } catch (error) {
    return failure(error);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Decodes UTF-8 strictly. A UTF-8 byte-order mark is kept (it is part of the text editors show). Text in
 * another encoding is refused with the line of its first invalid byte rather than read with U+FFFD in it.
 */
export function decodeUtf8(bytes: Uint8Array): FileRead<string> {
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, Math.max(at, 0)).split('\n').length;
    return { ok: false, missing: false, reason: `not valid UTF-8 text (first invalid byte on line ${line}); save it as UTF-8` };
  }
}

/** `readRegularFile` then `decodeUtf8`. */
export function readUtf8File(file: string, limit: number): FileRead<string> {
  const read = readRegularFile(file, limit);
  return read.ok ? decodeUtf8(read.value) : read;
}
