package dev.ferry.test;

import dev.ferry.observe.Detectors;
import dev.ferry.observe.NPlusOneReport;
import dev.ferry.observe.ObservedDataSource;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.observe.StatementRecord;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.query.Query;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 *
 * <p>Or, declaratively, {@code @ExtendWith(FerryExtension.class)} on a test class that holds one static
 * {@link Observer} or {@link ObservedDataSource} field: the extension watches that observer, and a test method may
 * take a {@code FerryExtension} parameter for the assertion methods.
 */
public final class FerryExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Observer observer; // null when declared by @ExtendWith: found in the test class
    private final FetchPolicy policy;

    private FerryExtension(Observer observer, FetchPolicy policy) {
        this.observer = observer;
        this.policy = policy;
    }

    /**
     * For {@code @ExtendWith(FerryExtension.class)}: the observer is the test class's static {@link Observer} or
     * {@link ObservedDataSource} field, and the fetch policy RAISE. Prefer {@link #of(Observer)} in code.
     */
    public FerryExtension() {
        this(null, FetchPolicy.RAISE);
    }

    /** An extension over {@code observer}, with fetch policy RAISE during each test. */
    public static FerryExtension of(Observer observer) {
        return new FerryExtension(observer, FetchPolicy.RAISE);
    }

    /** The same extension with another default fetch policy during tests (null: leave the database's). */
    public FerryExtension fetchPolicy(FetchPolicy policy) {
        return new FerryExtension(observer, policy);
    }

    /** The observer whose scopes this extension opens (null for an {@code @ExtendWith} instance not yet bound). */
    public Observer observer() {
        return observer;
    }

    /** This extension when it was built with an observer, else one bound to the observer found in the test class. */
    private FerryExtension bound(ExtensionContext context) {
        if (observer != null) {
            return this;
        }
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(testClass,
                type -> new FerryExtension(observerIn(testClass), policy), FerryExtension.class);
    }

    /** The one static Observer (or ObservedDataSource's observer) declared by the test class or its supertypes. */
    static Observer observerIn(Class<?> testClass) {
        List<String> fields = new ArrayList<>();
        Observer found = null;
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean observerField = Observer.class.isAssignableFrom(f.getType());
                if (!Modifier.isStatic(f.getModifiers())
                        || !(observerField || ObservedDataSource.class.isAssignableFrom(f.getType()))) {
                    continue;
                }
                Object value = read(f);
                Observer o = value == null ? null : observerField ? (Observer) value : ((ObservedDataSource) value).observer();
                if (o == null) {
                    continue;
                }
                fields.add(c.getSimpleName() + "." + f.getName());
                if (found != null && found != o) {
                    throw new ExtensionConfigurationException("@ExtendWith(FerryExtension.class) on "
                            + testClass.getName() + " found static fields of two different observers (" + fields
                            + "); register the one to watch: @RegisterExtension static final FerryExtension FERRY ="
                            + " FerryExtension.of(observer);");
                }
                found = o;
            }
        }
        if (found == null) {
            throw new ExtensionConfigurationException("@ExtendWith(FerryExtension.class) on " + testClass.getName()
                    + " needs a static Observer or ObservedDataSource field (set before the first test) to know which"
                    + " data source to watch; or register it with @RegisterExtension static final FerryExtension"
                    + " FERRY = FerryExtension.of(observer);");
        }
        return found;
    }

    private static Object read(Field f) {
        try {
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("FerryExtension cannot read the static field "
                    + f.getDeclaringClass().getName() + "." + f.getName() + " (" + e + "); make it accessible to"
                    + " the extension, or register it with FerryExtension.of(observer)", e);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FerryExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        if (observer == null) {
            bound(context).beforeEach(context);
            return;
        }
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
        return t == Scope.class || t == Observer.class || t == FerryExtension.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> t = parameter.getParameter().getType();
        FerryExtension bound = bound(context);
        return t == Observer.class ? bound.observer : t == FerryExtension.class ? bound
                : context.getStore(NS).get("scope", Scope.class);
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
        if (observer == null) {
            throw new IllegalStateException("This FerryExtension was made by @ExtendWith and knows no observer yet:"
                    + " take a FerryExtension parameter in the test method (it comes bound to the test class's"
                    + " observer), or build one with FerryExtension.of(observer).");
        }
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
