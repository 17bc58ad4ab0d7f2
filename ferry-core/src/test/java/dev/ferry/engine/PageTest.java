package dev.ferry.engine;

import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@link PageCases} on each database. */
class PageTest {
    @Nested
    class OnPostgres extends PageCases {
        OnPostgres() {
            super(TestDatabases.postgres());
        }
    }

    @Nested
    class OnH2 extends PageCases {
        OnH2() {
            super(TestDatabases.h2("engine"));
        }
    }
}
