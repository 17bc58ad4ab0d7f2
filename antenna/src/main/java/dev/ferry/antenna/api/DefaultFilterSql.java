package dev.ferry.antenna.api;

/**
 * {@code apply_default_filters} (workload/antenna.md 2.4) as a SQL condition, for the statements that
 * count or check occurrences in SQL: occurrence {@code o} passes the default filters of project
 * {@code p} when its determination score reaches the project's threshold, its determination is one of
 * the project's include taxa or a descendant of one (when the project has any), and it is neither an
 * exclude taxon nor a descendant of one. Both aliases must be in the statement's FROM clause.
 */
final class DefaultFilterSql {

    private DefaultFilterSql() {
    }

    private static final String DESCENDANT = "(t.id = f.taxon_id OR t.parents_json @> jsonb_build_array(jsonb_build_object('id', f.taxon_id)))";

    /** The condition; it binds no parameter. */
    static final String PASSES = "o.determination_score >= p.default_filters_score_threshold"
            + " AND (NOT EXISTS (SELECT 1 FROM main_project_default_filters_include_taxa f WHERE f.project_id = p.id)"
            + "   OR EXISTS (SELECT 1 FROM main_project_default_filters_include_taxa f JOIN main_taxon t ON t.id = o.determination_id"
            + "     WHERE f.project_id = p.id AND " + DESCENDANT + "))"
            + " AND NOT EXISTS (SELECT 1 FROM main_project_default_filters_exclude_taxa f JOIN main_taxon t ON t.id = o.determination_id"
            + "   WHERE f.project_id = p.id AND " + DESCENDANT + ")";

    /** {@link #PASSES}, or TRUE when the request turned the defaults off ({@code apply_defaults=false}). */
    static String passes(boolean applyDefaults) {
        return applyDefaults ? "(" + PASSES + ")" : "TRUE";
    }
}
