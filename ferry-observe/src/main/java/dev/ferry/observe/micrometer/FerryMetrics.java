package dev.ferry.observe.micrometer;

import dev.ferry.observe.NPlusOneReport;
import dev.ferry.observe.StatementRecord;
import dev.ferry.observe.StatementSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Count statements and N+1 reports in Micrometer.
 *
 * <pre>{@code
 * Observer observer = Observer.builder().metrics(FerryMetrics.bind(registry)).build();
 * }</pre>
 *
 * <p>Meters:
 * <ul>
 *   <li>{@code ferry.queries} (counter) and {@code ferry.query.duration} (timer), tagged {@code outcome}
 *       ({@code success}|{@code error}) and {@code planned} ({@code true} for Ferry's own prefetch statements);</li>
 *   <li>{@code ferry.nplusone} (counter), tagged {@code rule} ({@code production}|{@code test}).</li>
 * </ul>
 *
 * <p>No meter is tagged by SQL text, shape, scope name or call site, on purpose: each distinct tag value is a new
 * time series in the registry and in the monitoring backend, kept for the life of the process. SQL text and shapes
 * are unbounded (inlined literals, IN lists of every length before normalisation, generated and ad-hoc queries),
 * and so are scope names built from request paths; one such tag can blow the backend's series limit and the
 * application's heap. The shape, scope and call site of an N+1 are in the report (log, listener), where one
 * line per occurrence costs nothing once it is written.
 *
 * <p>Every meter is created in {@link #bind}, so recording is a lookup-free increment: no tag arrays, no registry
 * lookups, no allocation per statement. This class loads only when the application has Micrometer on its class path.
 */
public final class FerryMetrics implements StatementSink {
    /** Counter of statements recorded in a scope. */
    public static final String QUERIES = "ferry.queries";
    /** Timer of the execute call of statements recorded in a scope. */
    public static final String DURATION = "ferry.query.duration";
    /** Counter of N+1 reports. */
    public static final String NPLUSONE = "ferry.nplusone";

    // Indexed [failed ? 1 : 0][planned ? 1 : 0].
    private final Counter[][] queries = new Counter[2][2];
    private final Timer[][] durations = new Timer[2][2];
    private final Counter production;
    private final Counter test;
    private final MeterRegistry registry;

    private FerryMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (int failed = 0; failed < 2; failed++) {
            for (int planned = 0; planned < 2; planned++) {
                String outcome = failed == 1 ? "error" : "success";
                String isPlanned = planned == 1 ? "true" : "false";
                queries[failed][planned] = Counter.builder(QUERIES)
                        .description("Statements run in an observed scope")
                        .tag("outcome", outcome).tag("planned", isPlanned)
                        .register(registry);
                durations[failed][planned] = Timer.builder(DURATION)
                        .description("Execution time of statements run in an observed scope (the execute call)")
                        .tag("outcome", outcome).tag("planned", isPlanned)
                        .register(registry);
            }
        }
        production = nPlusOne(registry, "production");
        test = nPlusOne(registry, "test");
    }

    /** Register Ferry's meters in the registry and return the sink to give to {@code Observer.Builder#metrics}. */
    public static FerryMetrics bind(MeterRegistry registry) {
        return new FerryMetrics(Objects.requireNonNull(registry, "registry"));
    }

    private static Counter nPlusOne(MeterRegistry registry, String rule) {
        return Counter.builder(NPLUSONE).description("N+1 reports at scope close")
                .tag("rule", rule).register(registry);
    }

    @Override
    public void statement(StatementRecord r) {
        int failed = r.failed() ? 1 : 0;
        int planned = r.planned() ? 1 : 0;
        queries[failed][planned].increment();
        durations[failed][planned].record(r.nanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void report(NPlusOneReport r) {
        if ("test".equals(r.rule())) {
            test.increment();
        } else if ("production".equals(r.rule())) {
            production.increment();
        } else {
            // A custom Detector's rule name: registered on first use. Rule names come from code, not data,
            // so their number stays small.
            Counter.builder(NPLUSONE).tag("rule", String.valueOf(r.rule())).register(registry).increment();
        }
    }

    @Override
    public String toString() {
        return "FerryMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
