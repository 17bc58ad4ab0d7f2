package dev.ferry.testkit;

import dev.ferry.observe.ObservedDataSource;
import dev.ferry.observe.Observer;
import dev.ferry.error.NotLoadedException;
import dev.ferry.test.FerryExtension;
import dev.ferry.test.QueryBudget;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** {@code @ExtendWith(FerryExtension.class)}: the observer comes from the test class's static field. */
class ExtendWithTest {

    @Disabled("run by ExtendWithTest through EngineTestKit")
    @ExtendWith(FerryExtension.class)
    static class WithObserverField {
        static final Observer OBSERVER = Library.OBSERVER;

        @Test
        @QueryBudget(max = 1)
        void overBudget() {
            Library.sql("SELECT COUNT(*) FROM author");
            Library.sql("SELECT COUNT(*) FROM book");
        }

        @Test
        void assertionsThroughTheParameter(FerryExtension ferry, Observer observer) {
            assertThat(observer).isSameAs(Library.OBSERVER);
            ferry.assertQueries(2, () -> {
                Library.sql("SELECT COUNT(*) FROM author");
                Library.sql("SELECT COUNT(*) FROM book");
            });
        }

        @Test
        void policyIsRaise() {
            // The default policy during an extended test: a relation that was not loaded throws.
            Library.Author first = Library.FERRY.from(Library.Author.class).list().get(0);
            assertThatThrownBy(() -> first.books().size()).isInstanceOf(NotLoadedException.class);
        }
    }

    @Disabled("run by ExtendWithTest through EngineTestKit")
    @ExtendWith(FerryExtension.class)
    static class WithDataSourceField {
        static final ObservedDataSource DATA_SOURCE = (ObservedDataSource) Library.DATA_SOURCE;

        @Test
        @QueryBudget(max = 0)
        void overBudget() {
            Library.sql("SELECT 1");
        }
    }

    @Disabled("run by ExtendWithTest through EngineTestKit")
    @ExtendWith(FerryExtension.class)
    static class WithoutObserver {
        @Test
        void anything() {
        }
    }

    @Disabled("run by ExtendWithTest through EngineTestKit")
    @ExtendWith(FerryExtension.class)
    static class WithTwoObservers {
        static final Observer ONE = Library.OBSERVER;
        static final Observer OTHER = Observer.builder().build();

        @Test
        void anything() {
        }
    }

    private static Events run(Class<?> samples) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .selectors(selectClass(samples))
                .execute().testEvents();
    }

    @Test
    void observerFieldIsWatched() {
        Events events = run(WithObserverField.class);
        events.assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        assertThat(message(events, "overBudget")).startsWith("2 statements ran, over the @QueryBudget(max = 1)\n"
                + "Captured statements were:\n1. SELECT COUNT(*) FROM author\n");
    }

    @Test
    void dataSourceFieldIsWatched() {
        Events events = run(WithDataSourceField.class);
        events.assertStatistics(s -> s.started(1).failed(1));
        assertThat(message(events, "overBudget")).startsWith("1 statement ran, over the @QueryBudget(max = 0)");
    }

    @Test
    void missingObserverNamesTheFix() {
        Events events = run(WithoutObserver.class);
        events.assertStatistics(s -> s.started(1).failed(1));
        assertThat(message(events, "anything")).isEqualTo("@ExtendWith(FerryExtension.class) on "
                + WithoutObserver.class.getName() + " needs a static Observer or ObservedDataSource field (set before"
                + " the first test) to know which data source to watch; or register it with @RegisterExtension static"
                + " final FerryExtension FERRY = FerryExtension.of(observer);");
    }

    @Test
    void twoObserversAreAmbiguous() {
        Events events = run(WithTwoObservers.class);
        events.assertStatistics(s -> s.started(1).failed(1));
        assertThat(message(events, "anything")).contains("found static fields of two different observers"
                + " ([WithTwoObservers.ONE, WithTwoObservers.OTHER])");
    }

    @Test
    void unboundExtensionNamesTheFix() {
        assertThatThrownBy(() -> new FerryExtension().assertNoQueries(() -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("take a FerryExtension parameter in the test method");
    }

    private static String message(Events events, String method) {
        return events.failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method))
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable()
                        .orElseThrow().getMessage())
                .findFirst().orElseThrow(() -> new AssertionError("no failure for " + method));
    }
}
