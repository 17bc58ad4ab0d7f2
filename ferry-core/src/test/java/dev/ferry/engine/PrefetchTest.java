package dev.ferry.engine;

import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@link PrefetchCases} on each database. */
class PrefetchTest {
    @Nested
    class OnPostgres extends PrefetchCases {
        OnPostgres() {
            super(TestDatabases.postgres());
        }
    }

    @Nested
    class OnH2 extends PrefetchCases {
        OnH2() {
            super(TestDatabases.h2("engine"));
        }
    }
}
