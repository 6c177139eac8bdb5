package borderwatch.cli;

import java.io.PrintStream;

/** A one-line text progress bar for long command-line work, redrawn in place. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private int lastPercent = -1;

    ProgressBar(String label, long total, PrintStream out) {
        this.label = label;
        this.total = Math.max(total, 1);
        this.out = out;
    }

    void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r%s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
                Math.min(done, total), total);
        out.flush();
    }

    void done() {
        update(total);
        out.println();
    }
}
