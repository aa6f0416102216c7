// "I will note that both patches were accepted", "Let me restate the problem", "I'll give you an example:": the
// sender does it in this very mail, so nothing is left to track. Deferring to others ("I'll defer to Ulf", "I'll
// let the maintainers chime in") promises nothing either.
import type { Refiner } from './candidate.js';

export const ABOUT_THE_MAIL: Refiner = {
  id: 'about-the-mail',
  why: '"I will note that…", "let me restate…", "I\'ll defer to Ulf", or a promise ending in ":" is done by the mail itself',
  check: (c, lexicon) => {
    if (lexicon.aboutTheMail.some((p) => p.test(c.action.phrase))) return 'done in the mail itself, or left to others';
    // "I'm going to review here:", "There are 3 things I will ask you:": what follows the colon is the action.
    if (/:\s*$/.test(c.sentence)) return 'announces what the mail says next';
    return null;
  },
};
