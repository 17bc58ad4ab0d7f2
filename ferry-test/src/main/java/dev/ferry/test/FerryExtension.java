package dev.ferry.test;

import dev.ferry.observe.Detectors;
import dev.ferry.observe.NPlusOneReport;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.observe.StatementRecord;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.query.Query;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * JUnit 5 support for code that runs on an {@link Observer}-wrapped DataSource: every test runs in
 * its own scope, with Ferry's fetch policy set to RAISE (so a relation the code forgot to load fails
 * the test, naming the fix), and with {@link QueryBudget}, {@link NoNPlusOne} and {@link NoQueries}
 * checked when it ends. The assertion methods list every captured statement with its call site.
 *
 * <pre>{@code
 * static final Observer OBSERVER = Observer.builder().build();
 * @RegisterExtension
 * static final FerryExtension FERRY = FerryExtension.of(OBSERVER);   // wrap your DataSource with OBSERVER
 *
 * @Test @NoNPlusOne
 * void page() {
 *     FERRY.assertQueries(3, () -> service.page(25));
 * }
 * }</pre>
 */
public final class FerryExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Observer observer;
    private final FetchPolicy policy;

    private FerryExtension(Observer observer, FetchPolicy policy) {
        this.observer = observer;
        this.policy = policy;
    }

    /** An extension over {@code observer}, with fetch policy RAISE during each test. */
    public static FerryExtension of(Observer observer) {
        return new FerryExtension(observer, FetchPolicy.RAISE);
    }

    /** The same extension with another default fetch policy during tests (null: leave the database's). */
    public FerryExtension fetchPolicy(FetchPolicy policy) {
        return new FerryExtension(observer, policy);
    }

    public Observer observer() {
        return observer;
    }

    // ---------------------------------------------------------------- lifecycle

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FerryExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        FetchPolicy p = annotation(context, UseFetchPolicy.class).map(UseFetchPolicy::value).orElse(policy);
        ExtensionContext.Store store = context.getStore(NS);
        if (p != null) {
            store.put("policy", FetchPolicy.override(p));
        }
        store.put("scope", observer.scope(context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        FetchPolicy.Scope policyScope = store.remove("policy", FetchPolicy.Scope.class);
        if (policyScope != null) {
            policyScope.close();
        }
        Scope scope = store.remove("scope", Scope.class);
        if (scope == null) {
            return;
        }
        scope.close();
        // The test's own statements; those of assertion blocks were checked (and listed) by their assertions.
        List<StatementRecord> statements = scope.statements();
        long dropped = 0;
        if (annotation(context, NoQueries.class).isPresent() && scope.count() > 0) {
            throw new AssertionError(Listing.statements("@NoQueries, but " + Listing.plural(scope.count(), "statement")
                    + " ran", statements, dropped));
        }
        Optional<QueryBudget> budget = annotation(context, QueryBudget.class);
        if (budget.isPresent() && scope.count() > budget.get().max()) {
            throw new AssertionError(Listing.statements(Listing.plural(scope.count(), "statement") + " ran, over the "
                    + "@QueryBudget(max = " + budget.get().max() + ")", statements, dropped));
        }
        if (annotation(context, NoNPlusOne.class).isPresent()) {
            List<NPlusOneReport> reports = Detectors.test().detect(scope.name(), statements);
            if (!reports.isEmpty()) {
                throw new AssertionError(Listing.reports("@NoNPlusOne, but " + Listing.plural(reports.size(), "statement")
                        + " repeated from one call site with different parameters:", reports));
            }
        }
    }

    private static <A extends java.lang.annotation.Annotation> Optional<A> annotation(ExtensionContext context, Class<A> type) {
        A onMethod = annotationOf(context.getRequiredTestMethod(), type);
        return Optional.ofNullable(onMethod != null ? onMethod : annotationOf(context.getRequiredTestClass(), type));
    }

    private static <A extends java.lang.annotation.Annotation> A annotationOf(AnnotatedElement e, Class<A> type) {
        return e.getAnnotation(type);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> t = parameter.getParameter().getType();
        return t == Scope.class || t == Observer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Observer.class ? observer : context.getStore(NS).get("scope", Scope.class);
    }

    // ---------------------------------------------------------------- assertions

    /** Asserts that {@code block} runs exactly {@code expected} statements. */
    public void assertQueries(int expected, Runnable block) {
        assertQueries(expected, StatementFilter.all(), block);
    }

    /** Asserts that {@code block} runs exactly {@code expected} statements that pass {@code filter}. */
    public void assertQueries(int expected, StatementFilter filter, Runnable block) {
        List<StatementRecord> ran = run(block, filter);
        if (ran.size() != expected) {
            throw new AssertionError(Listing.statements(Listing.plural(ran.size(), "statement") + " executed, "
                    + expected + " expected", ran, 0));
        }
    }

    /** Asserts that {@code block} returns a value and runs exactly {@code expected} statements. */
    public <T> T assertQueries(int expected, Supplier<T> block) {
        List<T> result = new ArrayList<>(1);
        assertQueries(expected, StatementFilter.all(), () -> {
            result.add(block.get());
        });
        return result.get(0);
    }

    /** Asserts that {@code block} runs at most {@code max} statements. */
    public void assertMaxQueries(int max, Runnable block) {
        assertMaxQueries(max, StatementFilter.all(), block);
    }

    public void assertMaxQueries(int max, StatementFilter filter, Runnable block) {
        List<StatementRecord> ran = run(block, filter);
        if (ran.size() > max) {
            throw new AssertionError(Listing.statements(Listing.plural(ran.size(), "statement") + " executed, at most "
                    + max + " expected", ran, 0));
        }
    }

    /** Asserts that {@code block} does not touch the database. */
    public void assertNoQueries(Runnable block) {
        List<StatementRecord> ran = run(block, StatementFilter.all());
        if (!ran.isEmpty()) {
            throw new AssertionError(Listing.statements(Listing.plural(ran.size(), "statement")
                    + " executed where none were expected", ran, 0));
        }
    }

    /**
     * Runs {@code query.list()} and asserts it issued exactly the statements its plan needs: one for
     * the rows and one per prefetch level (a level whose parents are all empty issues none, so use
     * data where every level has rows, or {@link #assertMaxQueries}).
     */
    public <T> List<T> assertPlanned(Query<T> query) {
        int planned = query.plannedStatements();
        List<List<T>> out = new ArrayList<>(1);
        List<StatementRecord> ran = run(() -> {
            out.add(query.list());
        }, StatementFilter.all());
        if (ran.size() != planned) {
            throw new AssertionError(Listing.statements(Listing.plural(ran.size(), "statement") + " executed, the plan of "
                    + query + " needs " + planned, ran, 0));
        }
        return out.get(0);
    }

    private List<StatementRecord> run(Runnable block, StatementFilter filter) {
        List<StatementRecord> ran;
        try (Scope s = observer.scope("block")) {
            block.run();
            s.close();
            ran = s.statements();
        }
        List<StatementRecord> kept = new ArrayList<>(ran.size());
        for (StatementRecord r : ran) {
            if (filter.test(r)) {
                kept.add(r);
            }
        }
        return kept;
    }
}
