/**
 * Files the app creates (the library and its folder, backups, caches, logs, exports) must never be
 * writable by other users of the machine, whatever umask the session was started with (umask 000 in a
 * service or a misconfigured shell made the library's folder 0777 and the log 0666: anyone could replace
 * the library). Each host (the CLI, the Electron main) calls this once at start: group and others lose
 * write permission; a stricter umask is kept as it is.
 */
export function denyOthersWrite(): void {
  const previous = process.umask(0o022);
  process.umask(previous | 0o022);
}
