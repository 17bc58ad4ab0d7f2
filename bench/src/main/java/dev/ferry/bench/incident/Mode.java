package dev.ferry.bench.incident;

import dev.ferry.antenna.api.OccurrenceApi.Loading;
import dev.ferry.policy.FetchPolicy;
import java.util.Locale;

/** How the service under load loads the occurrence list's relations. */
enum Mode {
    /** The service as it ships: joins and prefetches, four statements a page. */
    PREFETCH(Loading.PREFETCH, FetchPolicy.PEERS),
    /** The incident: the page query only, then each row's relations one query at a time (the original N+1). */
    LAZY_ONE(Loading.LAZY, FetchPolicy.ONE),
    /** The page query only, then each relation for the whole page when first read (Ferry's default policy). */
    LAZY_PEERS(Loading.LAZY, FetchPolicy.PEERS);

    final Loading loading;
    final FetchPolicy policy;

    Mode(Loading loading, FetchPolicy policy) {
        this.loading = loading;
        this.policy = policy;
    }

    /** {@code prefetch}, {@code lazy-one}, {@code lazy-peers}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Mode parse(String label) {
        for (Mode m : values()) {
            if (m.label().equalsIgnoreCase(label.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + label + "': prefetch, lazy-one or lazy-peers");
    }
}
