package dev.ferry.observe;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Signal, in strict mode, that a scope closed with N+1 reports. */
public class NPlusOneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<NPlusOneReport> reports;

    public NPlusOneException(List<NPlusOneReport> reports) {
        super(message(reports));
        this.reports = List.copyOf(reports);
    }

    /** Return the reports that caused this exception. */
    public List<NPlusOneReport> reports() {
        return reports;
    }

    private static String message(List<NPlusOneReport> reports) {
        StringBuilder sb = new StringBuilder();
        sb.append(reports.size()).append(reports.size() == 1 ? " N+1 pattern" : " N+1 patterns").append(" detected:");
        int i = 1;
        for (NPlusOneReport r : reports) {
            sb.append("\n  ").append(i++).append(". ").append(Observer.describe(r));
        }
        return sb.toString();
    }

    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / (double) TimeUnit.MILLISECONDS.toNanos(1));
    }
}
