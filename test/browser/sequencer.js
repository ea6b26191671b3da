/**
 * The browser suite's order. The files share one server and one database (global setup), so a file
 * that moves a campaign forward for good must run after every file that works in that campaign: the
 * administration scenario computes FAMI 2024 (« calculée »: no piece can be received or decided in it
 * any more), which the conseiller, pré-contrôle and other scenarios need still in instruction. Jest's
 * default order depends on the previous run's durations and failures; this one does not: by path, with
 * the files that end a campaign last.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** Files that leave the shared campaign in a state no other scenario can work in. */
const ENDS_A_CAMPAIGN = ['administration.test.ts'];

class BrowserSequencer extends Sequencer {
  sort(tests) {
    const last = (test) => ENDS_A_CAMPAIGN.some((name) => test.path.endsWith(`/${name}`));
    const byPath = [...tests].sort((a, b) => a.path.localeCompare(b.path));
    return [...byPath.filter((t) => !last(t)), ...byPath.filter(last)];
  }
}

module.exports = BrowserSequencer;
