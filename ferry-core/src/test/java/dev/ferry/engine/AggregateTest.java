package dev.ferry.engine;

import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@link AggregateCases} on each database. */
class AggregateTest {
    @Nested
    class OnPostgres extends AggregateCases {
        OnPostgres() {
            super(TestDatabases.postgres());
        }
    }

    @Nested
    class OnH2 extends AggregateCases {
        OnH2() {
            super(TestDatabases.h2("engine"));
        }
    }
}
