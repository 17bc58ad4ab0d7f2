package dev.ferry.test;

import dev.ferry.observe.StatementRecord;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Which statements an assertion counts. Combine with {@link #and}. */
@FunctionalInterface
public interface StatementFilter extends Predicate<StatementRecord> {

    /** Every statement. */
    static StatementFilter all() {
        return r -> true;
    }

    /** SELECTs only (including {@code WITH ... SELECT}). */
    static StatementFilter selectsOnly() {
        return r -> {
            String s = firstWord(r.sql());
            return s.equals("select") || s.equals("with");
        };
    }

    /** Everything but transaction control: BEGIN, START, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, SET. */
    static StatementFilter ignoringTransactionControl() {
        return r -> switch (firstWord(r.sql())) {
            case "begin", "start", "commit", "rollback", "savepoint", "release", "set", "end" -> false;
            default -> true;
        };
    }

    /** Statements that read or write {@code table} (FROM, JOIN, INTO, UPDATE). */
    static StatementFilter onTable(String table) {
        Pattern p = Pattern.compile("\\b(from|join|into|update)\\s+\"?" + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "\"?\\b");
        return r -> p.matcher(r.sql().toLowerCase(Locale.ROOT)).find();
    }

    default StatementFilter and(StatementFilter other) {
        return r -> test(r) && other.test(r);
    }

    private static String firstWord(String sql) {
        String s = sql.stripLeading();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
