package dev.ferry.engine;

import dev.ferry.Ferry;
import dev.ferry.fixture.*;
import dev.ferry.sql.Dialect;
import dev.ferry.sql.Fragment;
import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialect without array parameters (as MySQL and SQLite will be) prefetches in IN-list chunks:
 * one statement per chunk of keys, and the results equal the array path's.
 */
class InListDialectTest extends SeededDatabase {

    /** H2 driven as if it had no arrays, with tiny chunks so chunking shows. */
    static final class NoArrays extends Dialect {
        @Override
        public String name() {
            return "no-arrays";
        }

        @Override
        public boolean supportsArrayParameters() {
            return false;
        }

        @Override
        public int maxInListSize() {
            return 7;
        }

        @Override
        protected Set<String> reservedWords() {
            return Set.of("key", "value", "user");
        }

        /** As MySQL must: no NULLS FIRST/LAST, so sort on "is null" first. */
        @Override
        protected void orderTerm(Fragment out, Fragment expr, boolean descending, boolean nullsFirst) {
            out.sql("CASE WHEN ").append(expr).sql(nullsFirst ? " IS NULL THEN 0 ELSE 1 END, " : " IS NULL THEN 1 ELSE 0 END, ")
                    .append(expr).sql(descending ? " DESC" : " ASC");
        }
    }

    InListDialectTest() {
        super(TestDatabases.h2("engine"));
    }

    @Test
    void prefetchesInChunksWithTheSameResult() {
        Ferry chunked = Ferry.builder(log.dataSource()).dialect(new NoArrays()).build();
        List<Occurrence> expected = ferry.from(Occurrence.class).where(Occurrence_.ID.le(30L))
                .prefetch(Occurrence_.DETECTIONS).list();
        log.reset();
        List<Occurrence> rows = chunked.from(Occurrence.class).where(Occurrence_.ID.le(30L))
                .prefetch(Occurrence_.DETECTIONS).list();
        assertStatements(1 + 5); // 30 keys in chunks of 7
        assertThat(log.statements().get(1)).contains("IN (?, ?, ?, ?, ?, ?, ?)").doesNotContain("ANY");
        assertThat(rows).isEqualTo(expected);
        assertThat(chunked.from(Occurrence.class).where(Occurrence_.ID.in(LongStream.rangeClosed(1, 3).boxed().toList())).sql())
                .contains("t0.id IN (?, ?, ?)");
    }

    @Test
    void nullPlacementThroughTheDialectHook() {
        Ferry emulated = Ferry.builder(log.dataSource()).dialect(new NoArrays()).build();
        for (var order : List.of(Occurrence_.DETERMINATION_SCORE.desc(), Occurrence_.DETERMINATION_SCORE.asc(),
                Occurrence_.DETERMINATION_SCORE.desc().nullsLast(), Occurrence_.DETERMINATION_SCORE.asc().nullsFirst())) {
            var q = emulated.from(Occurrence.class).orderBy(order).limit(30).offset(100);
            assertThat(q.sql()).doesNotContain("NULLS");
            assertThat(idsOf(q.list(), Occurrence::id)).as("%s", order)
                    .isEqualTo(idsOf(ferry.from(Occurrence.class).orderBy(order).limit(30).offset(100).list(), Occurrence::id));
        }
    }
}
