package dev.ferry.engine;

import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@link TargetColumnCases} on each database. */
class TargetColumnTest {
    @Nested
    class OnPostgres extends TargetColumnCases {
        OnPostgres() {
            super(TestDatabases.postgres());
        }
    }

    @Nested
    class OnH2 extends TargetColumnCases {
        OnH2() {
            super(TestDatabases.h2("engine"));
        }
    }
}
