package dev.ferry.maintain;

import dev.ferry.model.EntityModel;
import dev.ferry.query.Col;
import dev.ferry.sql.Dialect;
import dev.ferry.sql.Fragment;
import dev.ferry.sql.RowExpressions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The PostgreSQL triggers that keep maintained columns true, per table and role:
 *
 * <ul>
 *   <li>owner: a row-level BEFORE INSERT, and BEFORE UPDATE OF the columns the expressions read
 *       (its own columns, its foreign keys on the paths), that computes the values from the row
 *       being written into NEW: an inserted row is written once;
 *   <li>child of an aggregate: statement-level AFTER INSERT / UPDATE / DELETE with transition tables
 *       (one per event: PostgreSQL allows transition tables on single-event triggers only), one
 *       recompute per statement for the owners whose keys the old and new rows name;
 *   <li>to-one target on a path: row-level AFTER UPDATE OF the columns read, WHEN one of them
 *       changed, and AFTER DELETE, recomputing the owners that reach the row.
 * </ul>
 *
 * Each recompute first locks its owner rows (key order) and then recomputes in a second statement,
 * which in READ COMMITTED sees every writer that committed before the lock. The recompute's UPDATE
 * sets only maintained columns, which no trigger watches, so nothing fires again. Every name is
 * {@code ferry_<table>_<role>}; every identifier comes from the model.
 */
final class PostgresTriggers {

    private static final int MAX_IDENTIFIER = 63;

    private final Dialect dialect;
    private final List<Roles.Table> tables;

    PostgresTriggers(Dialect dialect, List<Roles.Table> tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    /** Functions and triggers, in an order that can run as is: CREATE OR REPLACE, DROP IF EXISTS + CREATE. */
    List<String> ddl() {
        List<String> out = new ArrayList<>();
        for (Roles.Table t : tables) {
            if (t.owner != null) {
                owner(out, t);
            }
            if (!t.children.isEmpty()) {
                child(out, t, "ins", "AFTER INSERT", "REFERENCING NEW TABLE AS ferry_new");
                child(out, t, "upd", "AFTER UPDATE", "REFERENCING OLD TABLE AS ferry_old NEW TABLE AS ferry_new");
                child(out, t, "del", "AFTER DELETE", "REFERENCING OLD TABLE AS ferry_old");
            }
            if (!t.targets.isEmpty()) {
                target(out, t, true);
                target(out, t, false);
            }
        }
        return out;
    }

    /** Trigger and function names: {@code ferry_<table>_<role>}, shortened with a hash past 63 bytes. */
    static String name(String table, String role) {
        String base = "ferry_" + table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + role;
        if (base.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER) {
            return base;
        }
        String hash = Integer.toHexString(base.hashCode());
        return base.substring(0, MAX_IDENTIFIER - hash.length() - role.length() - 2) + "_" + hash + "_" + role;
    }

    private String function(String name, String declare, String body) {
        // No JIT: a bulk statement's recompute is estimated costly enough to compile, which costs more than it saves.
        return "CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $ferry$\n"
                + declare + "BEGIN\n" + body + "END\n$ferry$";
    }

    private void trigger(List<String> out, String name, String table, String definition, String function) {
        out.add("DROP TRIGGER IF EXISTS " + name + " ON " + q(table));
        out.add("CREATE TRIGGER " + name + " " + definition.replace("{table}", q(table)) + " EXECUTE FUNCTION " + function + "()");
    }

    // ---------------------------------------------------------------- owner

    private void owner(List<String> out, Roles.Table t) {
        Roles.Owner o = t.owner;
        Recompute r = new Recompute(dialect, o.owner(), o.columns());
        String fn = name(t.name, "own");
        String where = "the trigger of " + o.owner().name();
        out.add(function(fn, "", "  " + SqlLiterals.inline(r.intoNew().toSql(), where) + ";\n  RETURN NEW;\n"));
        trigger(out, name(t.name, "own_ins"), t.name, "BEFORE INSERT ON {table} FOR EACH ROW", fn);
        if (!o.read().isEmpty()) {
            trigger(out, name(t.name, "own_upd"), t.name, "BEFORE UPDATE OF " + columnList(o.read()) + " ON {table} FOR EACH ROW WHEN ("
                    + changed(o.read()) + ")", fn);
        }
    }

    // ---------------------------------------------------------------- child of aggregates

    private void child(List<String> out, Roles.Table t, String event, String timing, String referencing) {
        StringBuilder body = new StringBuilder();
        for (Roles.Child c : t.children) {
            String fk = q(c.relation().fkColumn());
            String keys;
            if (event.equals("ins")) {
                keys = "SELECT n." + fk + " FROM ferry_new n";
            } else if (event.equals("del")) {
                keys = "SELECT o." + fk + " FROM ferry_old o";
            } else {
                // Only rows whose read columns changed (or whose key did): an UPDATE of other columns costs a join of
                // the transition tables and no recompute.
                String id = q(c.child().id().column());
                keys = "SELECT n." + fk + " FROM ferry_new n LEFT JOIN ferry_old o ON o." + id + " = n." + id + " WHERE o." + id
                        + " IS NULL OR " + distinct(c.read(), "o", "n") + " UNION SELECT o." + fk + " FROM ferry_old o LEFT JOIN ferry_new n ON n."
                        + id + " = o." + id + " WHERE n." + id + " IS NULL OR " + distinct(c.read(), "o", "n");
            }
            String k = keys;
            body.append("  -- ").append(c.relation().describe()).append('\n');
            recompute(body, new Recompute(dialect, c.owner(), c.columns()), alias -> new Fragment().sql(alias + "."
                    + q(c.owner().id().column()) + " IN (" + k + ")"));
        }
        String fn = name(t.name, event);
        out.add(function(fn, "", body + "  RETURN NULL;\n"));
        trigger(out, fn, t.name, timing + " ON {table} " + referencing + " FOR EACH STATEMENT", fn);
    }

    // ---------------------------------------------------------------- to-one target

    private void target(List<String> out, Roles.Table t, boolean update) {
        StringBuilder body = new StringBuilder();
        Set<String> all = new java.util.LinkedHashSet<>();
        String row = update ? "NEW" : "OLD";
        for (Roles.Target g : t.targets) {
            all.addAll(g.read());
            EntityModel<?> owner = g.owner();
            // The owners whose path reaches this row: the prefix's last foreign key equals its key.
            RowExpressions reach = new RowExpressions(dialect, owner);
            Fragment fk = reach.expr(new Col<>(owner.type(), g.path(), Object.class));
            String keys = "SELECT " + RowExpressions.ALIAS + "." + q(owner.id().column()) + " FROM " + q(owner.table()) + " "
                    + RowExpressions.ALIAS + reach.joins() + " WHERE " + fk.toSql().text() + " = " + row + "."
                    + q(g.target().id().column());
            body.append("  -- ").append(owner.name()).append('.').append(String.join(".", g.path())).append('\n');
            if (update) {
                body.append("  IF ").append(changed(g.read())).append(" THEN\n");
            }
            recompute(body, new Recompute(dialect, owner, g.columns()), alias -> new Fragment().sql(alias + "."
                    + q(owner.id().column()) + " IN (" + keys + ")"));
            if (update) {
                body.append("  END IF;\n");
            }
        }
        String fn = name(t.name, update ? "ref_upd" : "ref_del");
        out.add(function(fn, "", body + "  RETURN NULL;\n"));
        trigger(out, fn, t.name, update
                ? "AFTER UPDATE OF " + columnList(all) + " ON {table} FOR EACH ROW WHEN (" + changed(all) + ")"
                : "AFTER DELETE ON {table} FOR EACH ROW", fn);
    }

    // ---------------------------------------------------------------- parts

    /** Lock the owners, then recompute them if there were any (an empty UPDATE would still fire statement triggers). */
    private void recompute(StringBuilder body, Recompute r, Recompute.Keys keys) {
        String where = "the triggers of " + r.owner().name();
        body.append("  PERFORM 1 FROM (").append(SqlLiterals.inline(r.lock(keys).toSql(), where)).append(") ferry_locked;\n")
                .append("  IF FOUND THEN\n    ").append(SqlLiterals.inline(r.update(keys).toSql(), where)).append(";\n  END IF;\n");
    }

    private String columnList(Set<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(q(c));
        }
        return sb.toString();
    }

    /** {@code OLD.a IS DISTINCT FROM NEW.a OR ...}. */
    private String changed(Set<String> columns) {
        return distinct(columns, "OLD", "NEW");
    }

    private String distinct(Set<String> columns, String a, String b) {
        StringBuilder sb = new StringBuilder("(");
        for (String c : columns) {
            sb.append(sb.length() == 1 ? "" : " OR ").append(a).append('.').append(q(c)).append(" IS DISTINCT FROM ")
                    .append(b).append('.').append(q(c));
        }
        return sb.append(')').toString();
    }
}
