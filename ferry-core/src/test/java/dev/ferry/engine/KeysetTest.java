package dev.ferry.engine;

import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@link KeysetCases} on each database. */
class KeysetTest {
    @Nested
    class OnPostgres extends KeysetCases {
        OnPostgres() {
            super(TestDatabases.postgres());
        }
    }

    @Nested
    class OnH2 extends KeysetCases {
        OnH2() {
            super(TestDatabases.h2("engine"));
        }
    }
}
