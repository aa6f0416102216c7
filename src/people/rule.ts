// The rule name of a "Keep in touch" item: how the digest, the commands and the ingest hook know one.
export const KEEP_IN_TOUCH_RULE = 'keep-in-touch';
