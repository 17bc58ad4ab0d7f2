package dev.ferry.engine;

import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@link QueryCases} on each database. */
class QueryTest {
    @Nested
    class OnPostgres extends QueryCases {
        OnPostgres() {
            super(TestDatabases.postgres());
        }
    }

    @Nested
    class OnH2 extends QueryCases {
        OnH2() {
            super(TestDatabases.h2("engine"));
        }
    }
}
