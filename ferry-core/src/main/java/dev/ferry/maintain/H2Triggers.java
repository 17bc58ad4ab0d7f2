package dev.ferry.maintain;

import dev.ferry.model.EntityModel;
import dev.ferry.query.Col;
import dev.ferry.sql.ArrayParam;
import dev.ferry.sql.Dialect;
import dev.ferry.sql.Fragment;
import dev.ferry.sql.RowExpressions;
import dev.ferry.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * H2's triggers: H2 runs Java row triggers ({@code CREATE TRIGGER ... FOR EACH ROW CALL 'class'}), so
 * one generic class, {@link H2Trigger}, runs the plan that {@code install()} registered under the
 * trigger's name in this JVM: the same recompute UPDATE as PostgreSQL's, for the keys a row names.
 * Works for in-process H2 only (an H2 server's JVM has no plans: its writes fail with a message).
 * Owners are recomputed AFTER their row is written (H2's BEFORE trigger cannot run the rendered
 * query against the new row); the recompute's UPDATE changes only maintained columns, which the
 * plans ignore, so nothing recurses.
 */
final class H2Triggers {

    /** Plans by "catalog.schema.trigger" (lower case). */
    private static final Map<String, List<Action>> PLANS = new ConcurrentHashMap<>();

    /** Where the row's key goes in a recompute's parameters. */
    private static final Object KEY = new Object();

    static final String TRIGGER_CLASS = "dev.ferry.maintain.H2Trigger";

    private final Dialect dialect;
    private final List<Roles.Table> tables;

    H2Triggers(Dialect dialect, List<Roles.Table> tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    // ---------------------------------------------------------------- DDL and plans

    /** The actions of each trigger, by trigger name. */
    Map<String, List<Action>> plans() {
        Map<String, List<Action>> plans = new LinkedHashMap<>();
        for (Roles.Table t : tables) {
            for (String event : List.of("ins", "upd", "del")) {
                List<Action> actions = new ArrayList<>();
                if (t.owner != null && !event.equals("del")) {
                    Roles.Owner o = t.owner;
                    actions.add(new Action(event, Action.Kind.OWNER, o.read(), o.owner().id().column(),
                            new Recompute(dialect, o.owner(), o.columns()).update(a -> new Fragment().sql(a + "."
                                    + q(o.owner().id().column()) + " = ANY(").param(KEY).sql(")")).toSql()));
                }
                for (Roles.Child c : t.children) {
                    actions.add(new Action(event, Action.Kind.CHILD, c.read(), c.relation().fkColumn(),
                            new Recompute(dialect, c.owner(), c.columns()).update(a -> new Fragment().sql(a + "."
                                    + q(c.owner().id().column()) + " = ANY(").param(KEY).sql(")")).toSql()));
                }
                if (!event.equals("ins")) {
                    for (Roles.Target g : t.targets) {
                        actions.add(new Action(event, Action.Kind.TARGET, g.read(), g.target().id().column(),
                                new Recompute(dialect, g.owner(), g.columns()).update(a -> reaching(g, a)).toSql()));
                    }
                }
                if (!actions.isEmpty()) {
                    plans.put(PostgresTriggers.name(t.name, event), List.copyOf(actions));
                }
            }
        }
        return plans;
    }

    /** The owners whose path reaches the target rows whose keys are the parameter. */
    private Fragment reaching(Roles.Target g, String alias) {
        EntityModel<?> owner = g.owner();
        RowExpressions reach = new RowExpressions(dialect, owner);
        Fragment fk = reach.expr(new Col<>(owner.type(), g.path(), Object.class));
        return new Fragment().sql(alias + "." + q(owner.id().column()) + " IN (SELECT " + RowExpressions.ALIAS + "."
                + q(owner.id().column()) + " FROM " + q(owner.table()) + " " + RowExpressions.ALIAS + reach.joins() + " WHERE ")
                .append(fk).sql(" = ANY(").param(KEY).sql("))");
    }

    List<String> ddl() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Action>> e : plans().entrySet()) {
            String name = e.getKey();
            String event = name.endsWith("_ins") ? "INSERT" : name.endsWith("_upd") ? "UPDATE" : "DELETE";
            String table = tableOf(name);
            out.add("DROP TRIGGER IF EXISTS " + name);
            out.add("CREATE TRIGGER " + name + " AFTER " + event + " ON " + q(table) + " FOR EACH ROW CALL '" + TRIGGER_CLASS + "'");
        }
        return out;
    }

    private String tableOf(String triggerName) {
        for (Roles.Table t : tables) {
            for (String event : List.of("ins", "upd", "del")) {
                if (PostgresTriggers.name(t.name, event).equals(triggerName)) {
                    return t.name;
                }
            }
        }
        throw new IllegalStateException(triggerName);
    }

    /** Registers this JVM's plans for the database of {@code c}, before the triggers exist. */
    void register(Connection c) throws SQLException {
        String prefix = (c.getCatalog() + "." + c.getSchema() + ".").toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<Action>> e : plans().entrySet()) {
            PLANS.put(prefix + e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
    }

    static List<Action> plan(String catalog, String schema, String trigger) {
        return PLANS.get((catalog + "." + schema + "." + trigger).toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- running

    /**
     * One recompute of one trigger: for an owner row, its own key when it was inserted or a read
     * column changed; for a child row, the owners its old and new foreign keys name; for a target
     * row, the owners that reach it.
     */
    static final class Action {
        enum Kind { OWNER, CHILD, TARGET }

        final String event;
        final Kind kind;
        final Set<String> read;
        final String keyColumn;
        final Sql update;

        Action(String event, Kind kind, Set<String> read, String keyColumn, Sql update) {
            this.event = event;
            this.kind = kind;
            this.read = new LinkedHashSet<>(read);
            this.keyColumn = keyColumn;
            this.update = update;
        }

        void fire(Connection c, Dialect dialect, Map<String, Integer> columns, Object[] oldRow, Object[] newRow)
                throws SQLException {
            if (event.equals("upd") && !changed(columns, oldRow, newRow)) {
                return;
            }
            int key = index(columns, keyColumn);
            Set<Object> keys = new LinkedHashSet<>();
            if (kind == Kind.CHILD && oldRow != null) {
                keys.add(oldRow[key]);
            }
            if (newRow != null && (kind != Kind.TARGET || oldRow == null || event.equals("upd"))) {
                keys.add(newRow[key]);
            }
            if (kind == Kind.TARGET && event.equals("del")) {
                keys.add(oldRow[key]);
            }
            keys.remove(null);
            if (keys.isEmpty()) {
                return;
            }
            List<Object> params = new ArrayList<>(update.params());
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) == KEY) {
                    params.set(i, new ArrayParam(Object.class, keys.toArray()));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(update.text())) {
                new Sql(update.text(), params).bind(ps, dialect);
                ps.executeUpdate();
            }
        }

        private boolean changed(Map<String, Integer> columns, Object[] oldRow, Object[] newRow) {
            for (String r : read) {
                int i = index(columns, r);
                if (!Objects.equals(oldRow[i], newRow[i])) {
                    return true;
                }
            }
            return false;
        }

        private static int index(Map<String, Integer> columns, String column) {
            Integer i = columns.get(column.toLowerCase(Locale.ROOT));
            if (i == null) {
                throw new IllegalStateException("the table has no column " + column + " (columns: " + columns.keySet() + ")");
            }
            return i;
        }
    }
}
