package dev.ferry.engine;

import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/**
 * {@link MaintainedCases} on each database, each in a database of its own (the cases change the
 * schema and the rows, so they stay away from the shared fixture).
 */
class MaintainedTest {
    @Nested
    class OnPostgres extends MaintainedCases {
        OnPostgres() {
            super(TestDatabases.postgres("maintained"));
        }
    }

    @Nested
    class OnH2 extends MaintainedCases {
        OnH2() {
            super(TestDatabases.h2("maintained"));
        }
    }
}
