package dev.ferry.test;

import dev.ferry.observe.NPlusOneReport;
import dev.ferry.observe.StatementRecord;

import java.util.List;
import java.util.Locale;

/** The failure messages: every statement numbered, with its call site (the listing is part of the contract). */
final class Listing {
    private Listing() {
    }

    static String statements(String headline, List<StatementRecord> statements, long dropped) {
        StringBuilder sb = new StringBuilder(headline).append('\n');
        if (statements.isEmpty() && dropped == 0) {
            return sb.append("No statements were captured.").toString();
        }
        sb.append("Captured statements were:");
        if (dropped > 0) {
            sb.append("\n(").append(dropped).append(dropped == 1 ? " earlier statement was" : " earlier statements were")
                    .append(" not kept: raise Observer.builder().keep(...))");
        }
        int i = 1;
        for (StatementRecord r : statements) {
            sb.append('\n').append(i++).append(". ").append(r.sql().strip());
            sb.append("\n   at ").append(r.callSite() == null ? "(unknown call site)" : r.callSite());
        }
        return sb.toString();
    }

    static String reports(String headline, List<NPlusOneReport> reports) {
        StringBuilder sb = new StringBuilder(headline);
        int i = 1;
        for (NPlusOneReport r : reports) {
            sb.append('\n').append(i++).append(". ").append(r.count()).append(" x ").append(r.shape())
                    .append(String.format(Locale.ROOT, " (%.1f ms)", r.totalNanos() / 1e6))
                    .append("\n   at ").append(r.callSite() == null ? "(unknown call site)" : r.callSite());
            if (r.hint() != null) {
                sb.append("\n   fix: ").append(r.hint());
            }
        }
        return sb.toString();
    }

    static String plural(long n, String one) {
        return n + " " + (n == 1 ? one : one + "s");
    }
}
