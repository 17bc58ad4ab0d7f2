package dev.ferry.antenna.seed;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws each phase as a text progress bar on standard error (for the {@code seed} command). */
public final class ConsoleProgress implements Progress {

    /**
     * Bars are drawn 80 columns wide. A fixed width keeps progressbar from probing the terminal
     * through JLine, which needs native access (a warning on JDK 22+) and fails without a terminal.
     */
    private static final int WIDTH = 80;

    private ProgressBar bar;

    @Override
    public void start(String phase, long total) {
        done();
        bar = new ProgressBarBuilder()
                .setTaskName(phase)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH))
                .showSpeed()
                .build();
    }

    @Override
    public void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    @Override
    public void done() {
        if (bar != null) {
            bar.stepTo(Math.max(bar.getCurrent(), bar.getMax()));
            bar.close();
            bar = null;
        }
    }
}
