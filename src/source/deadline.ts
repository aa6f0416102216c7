// Deadlines for network operations. Socket timeouts only notice silence: a server that trickles a byte every 20 s
// is never silent, so without a deadline on the operation itself a sync (or a login, or a digest) could wait for
// ever. On expiry `expire` tears the connection down and names the error; a late result is ignored.

/** `ms` from the start or from the job's last call of `rearm` (progress made: one more mail fetched). */
export function deadline<T>(job: (rearm: () => void) => Promise<T>, ms: number, expire: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let fail: (error: Error) => void = () => undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fail(expire()), ms);
  };
  const expired = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  arm();
  return Promise.race([job(arm), expired]).finally(() => clearTimeout(timer));
}

/** A fixed deadline: the whole job within `ms`. */
export function withDeadline<T>(job: Promise<T>, ms: number, expire: () => Error): Promise<T> {
  return deadline(() => job, ms, expire);
}
