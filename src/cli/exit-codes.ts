// The exit codes of every command, documented in the README. One table, so scripts and systemd can rely on them.
export const EXIT = {
  /** Done as asked. */
  ok: 0,
  /** A runtime failure: the server refused, the store is damaged, a file could not be read. */
  failure: 1,
  /** Usage or config: a wrong flag or argument, a config that does not validate or is missing. */
  usage: 2,
  /** Interrupted by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;
