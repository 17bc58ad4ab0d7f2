package dev.ferry.query;

import java.util.List;
import java.util.stream.Stream;

/** Runs queries: implemented by the executor, so the query package stays free of JDBC. */
public interface QueryRunner {
    <T> List<T> list(QuerySpec<T> query);

    <T> Stream<T> stream(QuerySpec<T> query, int chunkSize);

    long count(QuerySpec<?> query);

    /** The rows of the query's window and the number of rows without it, found as {@code total} says. */
    <T> Page<T> page(QuerySpec<T> query, Total total);

    boolean exists(QuerySpec<?> query);

    /** {@code fn} (MIN or MAX) of {@code expr} over the query's rows; null when there is none. */
    <V> V aggregate(QuerySpec<?> query, Aggregate.Fn fn, Expr<?, V> expr);

    /** The SQL text of the root statement, with {@code ?} placeholders. */
    String sql(QuerySpec<?> query);
}
