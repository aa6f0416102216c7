// The reply commands, as the digest footer explains them.
export const COMMAND_HELP: readonly [string, string][] = [
  ['done 2', 'you did it (also "done 2 3" or "done 1-3")'],
  ['snooze 3 monday', 'hide it until then ("snooze 3 2 weeks", "snooze 3 next week")'],
  ['due 2 friday', 'set a new due date'],
  ['drop 4', 'stop tracking it'],
  ['not a promise 4', 'the detector was wrong: never flag that wording again'],
  ['reopen 5', 'an automatic "kept" or "answered" was wrong'],
];

export const HELP_INTRO = 'Reply to this mail with one command per line:';
