package dev.ferry.engine;

import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@link TotalCases} on each database. */
class TotalTest {
    @Nested
    class OnPostgres extends TotalCases {
        OnPostgres() {
            super(TestDatabases.postgres());
        }
    }

    @Nested
    class OnH2 extends TotalCases {
        OnH2() {
            super(TestDatabases.h2("engine"));
        }
    }
}
