package dev.ferry.prefetch;

import dev.ferry.exec.ConnectionSource;
import dev.ferry.exec.Readers;
import dev.ferry.exec.RowGroup;
import dev.ferry.exec.RowMapper;
import dev.ferry.exec.Statements;
import dev.ferry.paging.PositionReader;
import dev.ferry.paging.ResultCache;
import dev.ferry.query.Page;
import dev.ferry.query.QuerySpec;
import dev.ferry.query.Total;
import dev.ferry.sql.Renderer;
import dev.ferry.sql.SelectStatement;
import dev.ferry.sql.Sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code page(Total)}: a window of rows and the number of rows without it, as the {@link Total} says:
 * counted in the page's statement, capped, estimated, or reused from the {@link ResultCache} with
 * remembered positions that turn a deep OFFSET into a seek. Reused values older than half their age are
 * refreshed in the background, on pooled connections of their own, while they are still served.
 */
final class PageLoader {

    private final Loader loader;
    private final ConnectionSource connections;
    private final Renderer renderer;
    private final Readers readers;
    private final PrefetchEngine engine;
    private final ResultCache results;
    private final ConnectionSource background;

    PageLoader(Loader loader, ConnectionSource connections, Renderer renderer, Readers readers, PrefetchEngine engine,
               ResultCache results, ConnectionSource background) {
        this.loader = loader;
        this.connections = connections;
        this.renderer = renderer;
        this.readers = readers;
        this.engine = engine;
        this.results = results;
        this.background = background;
    }

    <T> Page<T> page(QuerySpec<T> query, Total total) {
        if (!query.hasWindow()) {
            List<T> rows = loader.list(query);
            return new Page<>(rows, rows.size());
        }
        return switch (total.kind()) {
            case NONE -> new Page<>(loader.list(query), -1, Page.Accuracy.UNKNOWN);
            case CAPPED -> connections.with(c -> counted(c, query, total.cap()));
            case ESTIMATED -> connections.with(c -> estimated(c, query));
            case REUSED -> reused(query, total);
            case EXACT -> connections.with(c -> counted(c, query, -1));
        };
    }

    /**
     * The page and its total in one statement (the count stops after {@code cap + 1} rows when
     * {@code cap >= 0}); a page past the last row, which carries no total, costs a count more.
     */
    private <T> Page<T> counted(Connection c, QuerySpec<T> query, long cap) {
        if (query.limit() == 0) {
            // An empty window has no row to carry the total: the count alone answers.
            long n = Statements.queryLong(c, renderer.dialect(),
                    cap < 0 ? renderer.count(query.withoutWindow()) : renderer.count(query, cap), "count on " + query.model().name());
            return capped(List.of(), n, cap);
        }
        return counted(c, query, query, cap);
    }

    /**
     * The rows of {@code page} and, as the last column of the same statement, the total of {@code totalOf}
     * (the page itself, or the query a seek reads from a position), counted up to {@code cap + 1} rows when
     * {@code cap >= 0}. A page without rows carries no total: unless it is the first page of the query,
     * a count answers it.
     */
    private <T> Page<T> counted(Connection c, QuerySpec<T> page, QuerySpec<T> totalOf, long cap) {
        RowGroup<T> rows = loader.rootGroup(page);
        SelectStatement s = renderer.list(page, totalOf, cap);
        RowMapper<T> mapper = new RowMapper<>(s.layout(), rows, readers, null, true);
        long[] total = {-1};
        Statements.query(c, renderer.dialect(), s.sql(), "query on " + page.model().name(), rs -> {
            if (total[0] < 0) {
                total[0] = rs.getLong(rs.getMetaData().getColumnCount()); // the total is the last column
            }
            mapper.read(rs);
        });
        if (total[0] < 0) {
            total[0] = page == totalOf && page.offset() == 0 ? 0 : Statements.queryLong(c, renderer.dialect(),
                    cap < 0 ? renderer.count(totalOf.withoutWindow()) : renderer.count(totalOf, cap),
                    "count on " + page.model().name());
        }
        engine.prefetch(c, rows, page.prefetches());
        return capped(rows.rows(), total[0], cap);
    }

    private static <T> Page<T> capped(List<T> rows, long counted, long cap) {
        return cap >= 0 && counted > cap ? new Page<>(rows, cap, Page.Accuracy.AT_LEAST) : new Page<>(rows, counted);
    }

    /** The planner's estimate and the page; exact where the page itself shows the end, or the dialect has no estimates. */
    private <T> Page<T> estimated(Connection c, QuerySpec<T> query) {
        Sql explain = renderer.estimate(query);
        if (explain == null) {
            return counted(c, query, -1);
        }
        String[] plan = {""};
        Statements.query(c, renderer.dialect(), explain, "estimate on " + query.model().name(), rs -> plan[0] = rs.getString(1));
        long estimate = renderer.dialect().estimatedRows(plan[0]);
        List<T> rows = loader.listOn(c, query);
        long seen = query.offset() + rows.size();
        if (query.limit() > 0 && rows.size() < query.limit() && (!rows.isEmpty() || query.offset() == 0)) {
            return new Page<>(rows, seen); // the page ends the result: its end is the total
        }
        return new Page<>(rows, Math.max(estimate, seen), Page.Accuracy.ESTIMATE);
    }

    /**
     * {@link Total#reused}: the total from the result cache (counted with the page by the first caller,
     * which the others wait for). At an offset of one spacing or more the page seeks from the nearest
     * remembered position, and skips less than a spacing; positions not yet known are walked to first, from
     * the furthest one known, so no caller walks more rows than a plain OFFSET would skip.
     */
    private <T> Page<T> reused(QuerySpec<T> query, Total total) {
        long maxAge = total.maxAge().toNanos();
        Set<String> tables = query.tables();
        Sql countSql = renderer.count(query.withoutWindow());
        ResultCache.Key countKey = ResultCache.Key.of(countSql.text(), countSql.params(), tables);
        int spacing = total.spacing();
        ResultCache.Counted known = results.freshTotal(countKey, maxAge);
        if (known != null && query.limit() != 0 && query.offset() >= known.total()) {
            return new Page<>(List.of(), known.total()); // past the end: no walk to an offset that is not there
        }
        if (query.offset() < spacing || query.limit() == 0 || (known != null && known.total() <= total.sortWhole())) {
            return connections.with(c -> counted(c, query, query, countKey, countSql, maxAge, total.sortWhole()));
        }
        // One key per ordering of the same rows: the walk's text (a walk from the first row, of one spacing).
        Sql walkSql = renderer.walk(query.withoutWindow().withLimit(spacing), spacing);
        ResultCache.Key positionsKey = ResultCache.Key.of(walkSql.text(), walkSql.params(), tables);
        return connections.with(c -> {
            long offset = query.offset();
            int k = (int) Math.min(Integer.MAX_VALUE, offset / spacing); // >= 1: the position at or before the offset
            ResultCache.Positions p = positions(c, query, positionsKey, maxAge, spacing, k);
            if (results.aging(p.startedNanos(), maxAge)) {
                refreshPositions(query, positionsKey, p);
            }
            if (k > p.positions().size()) {
                // The result ends before row k * spacing <= offset: a page past its end.
                return new Page<T>(List.of(), total(c, countKey, countSql, query.model().name(), maxAge));
            }
            QuerySpec<T> seek = query.seek(Arrays.asList(p.positions().get(k - 1)), offset - (long) k * spacing);
            return counted(c, seek, query, countKey, countSql, maxAge, total.sortWhole());
        });
    }

    /** The reused total of {@code countSql}: remembered, or counted by the first caller that asks. */
    private long total(Connection c, ResultCache.Key key, Sql countSql, String entity, long maxAge) {
        ResultCache.Claim claim = results.claim(key, maxAge);
        if (!claim.leads()) {
            return ((ResultCache.Counted) claim.await()).total();
        }
        long started = results.now();
        try {
            long n = Statements.queryLong(c, renderer.dialect(), countSql, "count on " + entity);
            claim.complete(new ResultCache.Counted(n, started));
            return n;
        } catch (RuntimeException | Error e) {
            claim.fail(e);
            throw e;
        }
    }

    /** In the background: counts {@code query} again, for a total that is past half its age. */
    private void refreshTotal(ResultCache.Key key, Sql countSql, String entity) {
        results.refresh(key, () -> {
            long started = results.now();
            long total = background.with(c -> Statements.queryLong(c, renderer.dialect(), countSql, "count on " + entity));
            results.offer(key, new ResultCache.Counted(total, started));
        });
    }

    /** In the background: walks {@code query}'s ordering again as far as {@code old} reached, for positions past half their age. */
    private void refreshPositions(QuerySpec<?> query, ResultCache.Key key, ResultCache.Positions old) {
        results.refresh(key, () -> {
            ResultCache.Positions start = new ResultCache.Positions(old.spacing(), List.of(), false, results.now());
            // As far as the old walk went, and to the end again if it reached it.
            long k = old.positions().size() + (old.ended() ? 1 : 0);
            results.offer(key, background.with(c -> walk(c, query, start, k)));
        });
    }

    /**
     * The window of {@code page} with the reused total of {@code query} (whose rows {@code page} reads from
     * a position, or {@code page} itself): from the cache when it holds it, else counted in the page's
     * statement by the first caller, whose count the others read their pages beside.
     */
    private <T> Page<T> counted(Connection c, QuerySpec<T> page, QuerySpec<T> query, ResultCache.Key countKey, Sql countSql,
                                long maxAge, long sortWhole) {
        ResultCache.Claim claim = results.claim(countKey, maxAge);
        if (!claim.leads()) {
            ResultCache.Counted counted = (ResultCache.Counted) claim.await();
            boolean none = page.limit() == 0 || (page == query && page.offset() >= counted.total());
            List<T> rows = none ? List.of() : loader.listOn(c, page, counted.total() <= sortWhole);
            if (results.aging(counted.startedNanos(), maxAge)) {
                refreshTotal(countKey, countSql, query.model().name());
            }
            return new Page<>(rows, counted.total());
        }
        long started = results.now();
        try {
            Page<T> counted = page == query ? counted(c, query, -1) : counted(c, page, query, -1);
            claim.complete(new ResultCache.Counted(counted.total(), started));
            return counted;
        } catch (RuntimeException | Error e) {
            claim.fail(e);
            throw e;
        }
    }

    /**
     * The remembered positions of {@code query}'s ordering, known at least up to row {@code k * spacing}
     * (or to the end): walked from the first row by the first caller, then extended by whoever needs a
     * position further on, one walk at a time per result (the others wait for it and look again).
     */
    private ResultCache.Positions positions(Connection c, QuerySpec<?> query, ResultCache.Key key, long maxAge, int spacing,
                                            long k) {
        ResultCache.Claim claim = results.claim(key, maxAge);
        while (true) {
            ResultCache.Positions known;
            if (claim.leads()) {
                known = new ResultCache.Positions(spacing, List.of(), false, results.now());
            } else {
                known = (ResultCache.Positions) claim.await();
                if (known.reaches(k)) {
                    return known;
                }
                claim = results.extend(key, known);
                if (!claim.leads()) {
                    continue; // another caller extends it: wait for theirs, then look again
                }
            }
            try {
                ResultCache.Positions walked = walk(c, query, known, k);
                claim.complete(walked);
                return walked;
            } catch (RuntimeException | Error e) {
                claim.fail(e);
                throw e;
            }
        }
    }

    /** {@code known} extended by a walk from its last position to row {@code k * spacing} (or the end). */
    private ResultCache.Positions walk(Connection c, QuerySpec<?> query, ResultCache.Positions known, long k) {
        int spacing = known.spacing();
        long from = (long) known.positions().size() * spacing; // rows before the walk's first
        long rows = k * spacing - from;
        QuerySpec<?> all = query.withoutWindow();
        QuerySpec<?> walk = known.positions().isEmpty() ? all.withLimit(rows + 1)
                : all.seek(Arrays.asList(known.positions().get(known.positions().size() - 1)), 0).withLimit(rows + 1);
        List<Object[]> found = new ArrayList<>();
        boolean[] more = {false};
        PositionReader reader = new PositionReader(1); // _rn after the values
        Statements.query(c, renderer.dialect(), renderer.walk(walk, spacing), "positions of " + query.model().name(), rs -> {
            long rn = rs.getLong(reader.columns(rs) + 1);
            if (rn > rows) {
                more[0] = true; // the row after the walk's last: the result goes on
            } else if (rn % spacing == 0) {
                found.add(reader.values(rs));
            }
        });
        return known.then(found, !more[0]);
    }
}
