// The reply commands, as the digest footer explains them: from the one verb table (commands/grammar.ts).
import { VERBS } from '../commands/grammar.js';

export const COMMAND_HELP: readonly [string, string][] = VERBS.map((v) => [v.example, v.help]);

export const HELP_INTRO = 'Reply to this mail with one command per line:';
