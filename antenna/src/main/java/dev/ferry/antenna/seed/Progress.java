package dev.ferry.antenna.seed;

/**
 * Listens to a long-running seed: {@link DemoData#seed} announces each phase with
 * {@link #start}, reports work with {@link #step}, and closes it with {@link #done}. Phases do
 * not nest; calls come from the seeding thread.
 */
public interface Progress {

    /** Ignores everything. */
    Progress NONE = new Progress() {
        @Override
        public void start(String phase, long total) {
        }

        @Override
        public void step(long n) {
        }

        @Override
        public void done() {
        }
    };

    /** A phase begins; {@code total} is the number of units it will report, or -1 if unknown. */
    void start(String phase, long total);

    /** {@code n} more units of the current phase are done. */
    void step(long n);

    /** The current phase is finished. */
    void done();
}
