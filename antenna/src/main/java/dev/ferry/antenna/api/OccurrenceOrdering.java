package dev.ferry.antenna.api;

import dev.ferry.antenna.model.Deployment_;
import dev.ferry.antenna.model.Event_;
import dev.ferry.antenna.model.Maintained;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Occurrence_;
import dev.ferry.antenna.model.Taxon_;
import dev.ferry.query.Expr;
import dev.ferry.query.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The list's {@code ordering} parameter: a comma list of whitelisted fields, {@code -} for
 * descending, NULLs always last ({@code NullsLastOrderingFilter}). Ordering by a foreign key orders by
 * the related model's own ordering, as Django does (deployment: name; event: start; taxon: ordering, name).
 * Ties are broken by ascending id.
 */
final class OccurrenceOrdering {

    private static final Map<String, List<Expr<Occurrence, ?>>> FIELDS = Map.ofEntries(
            Map.entry("created_at", List.of(Occurrence_.CREATED_AT)),
            Map.entry("updated_at", List.of(Occurrence_.UPDATED_AT)),
            Map.entry("event__start", List.of(Occurrence_.EVENT.then(Event_.START))),
            Map.entry("first_appearance_timestamp", List.of(Occurrence_.FIRST_APPEARANCE_TIMESTAMP)),
            Map.entry("first_appearance_time", List.of(Occurrence_.FIRST_APPEARANCE_TIME)),
            Map.entry("duration", List.of(Maintained.DURATION)),
            Map.entry("deployment", List.of(Occurrence_.DEPLOYMENT.then(Deployment_.NAME))),
            Map.entry("determination", List.of(Occurrence_.DETERMINATION.then(Taxon_.ORDERING),
                    Occurrence_.DETERMINATION.then(Taxon_.NAME))),
            Map.entry("determination__name", List.of(Occurrence_.DETERMINATION.then(Taxon_.NAME))),
            Map.entry("determination_score", List.of(Occurrence_.DETERMINATION_SCORE)),
            Map.entry("event", List.of(Occurrence_.EVENT.then(Event_.START))),
            Map.entry("detections_count", List.of(Occurrence_.DETECTIONS_COUNT)));

    static final String DEFAULT = "-determination_score";

    private OccurrenceOrdering() {
    }

    static List<Order<Occurrence>> parse(String param) {
        String value = param == null || param.isBlank() ? DEFAULT : param;
        List<Order<Occurrence>> orders = new ArrayList<>();
        for (String raw : value.split(",")) {
            String term = raw.trim();
            boolean descending = term.startsWith("-");
            String field = descending ? term.substring(1) : term;
            List<Expr<Occurrence, ?>> exprs = FIELDS.get(field);
            if (exprs == null) {
                throw ApiException.badParameter("ordering", "Unknown ordering field '" + field + "'; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS.keySet())) + " (prefix - for descending).");
            }
            for (Expr<Occurrence, ?> e : exprs) {
                orders.add(new Order<>(e, descending, Order.Nulls.LAST));
            }
        }
        return orders;
    }
}
