package dev.ferry.testkit;

import dev.ferry.policy.FetchPolicy;
import dev.ferry.test.FerryExtension;
import dev.ferry.test.NoNPlusOne;
import dev.ferry.test.NoQueries;
import dev.ferry.test.QueryBudget;
import dev.ferry.test.UseFetchPolicy;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static dev.ferry.testkit.Library.FERRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The annotations fail a test with the listing, and pass a test that keeps to them (run through EngineTestKit). */
class AnnotationsTest {

    /** Sample tests: disabled in the normal run, run here with the Disabled condition switched off. */
    @Disabled("run by AnnotationsTest through EngineTestKit")
    static class Samples {
        @RegisterExtension
        static final FerryExtension EXT = FerryExtension.of(Library.OBSERVER);

        @Test
        @QueryBudget(max = 1)
        void overBudget() {
            Library.sql("SELECT COUNT(*) FROM author");
            Library.sql("SELECT COUNT(*) FROM book");
        }

        @Test
        @QueryBudget(max = 2)
        void withinBudget() {
            Library.sql("SELECT COUNT(*) FROM author");
            Library.sql("SELECT COUNT(*) FROM book");
        }

        @Test
        @NoQueries
        void touchesTheDatabase() {
            Library.sql("SELECT 1");
        }

        @Test
        @NoQueries
        void staysInMemory() {
            assertThat(1 + 1).isEqualTo(2);
        }

        @Test
        @NoNPlusOne
        @UseFetchPolicy(FetchPolicy.ONE)
        void loopsOverALazyRelation() {
            FERRY.from(Library.Author.class).list().forEach(a -> a.books().size());
        }

        @Test
        @NoNPlusOne
        void prefetches() {
            FERRY.from(Library.Author.class).prefetch(Library.BOOKS).list().forEach(a -> a.books().size());
        }
    }

    @Test
    void annotationsFailWithTheListing() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .selectors(selectClass(Samples.class))
                .execute().testEvents();
        events.assertStatistics(s -> s.started(6).succeeded(3).failed(3));
        assertThat(message(events, "overBudget")).startsWith("2 statements ran, over the @QueryBudget(max = 1)\n"
                + "Captured statements were:\n1. SELECT COUNT(*) FROM author\n   at dev.ferry.testkit.Library.sql(Library.java:");
        assertThat(message(events, "touchesTheDatabase")).startsWith("@NoQueries, but 1 statement ran\n"
                + "Captured statements were:\n1. SELECT 1\n   at ");
        String nPlusOne = message(events, "loopsOverALazyRelation");
        assertThat(nPlusOne).startsWith("@NoNPlusOne, but 1 statement repeated from one call site with different parameters:\n"
                + "1. 5 x SELECT t0.id, t0.author_id, t0.title FROM book t0 WHERE t0.author_id = ANY(?) ORDER BY t0.id ASC NULLS LAST (");
        assertThat(nPlusOne).contains("\n   at dev.ferry.testkit.AnnotationsTest$Samples.lambda$loopsOverALazyRelation$");
        assertThat(nPlusOne).endsWith("\n   fix: Author.books: add .prefetch(\"books\") (typed: Author_.BOOKS) to the query on Author");
    }

    private static String message(Events events, String method) {
        return events.failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method))
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .findFirst().orElseThrow(() -> new AssertionError("no failure for " + method));
    }
}
