package dev.ferry.engine;

import dev.ferry.Ferry;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import dev.ferry.query.ToMany;
import dev.ferry.testing.StatementLog;
import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One prefetch statement carries 100,000 parent keys in one array parameter on PostgreSQL. */
class LargePrefetchTest {

    @Table("big_parent")
    record BigParent(long id, Many<BigChild> children) {
    }

    @Table("big_child")
    record BigChild(long id, Ref<BigParent> parent, int position) {
    }

    static final ToMany<BigParent, BigChild> CHILDREN = ToMany.of(BigParent.class, "children", BigChild.class);

    @Test
    void aHundredThousandKeysInOneStatement() {
        DataSource raw = TestDatabases.postgres();
        TestDatabases.runStatements(raw, """
                DROP TABLE IF EXISTS big_child;
                DROP TABLE IF EXISTS big_parent;
                CREATE TABLE big_parent (id bigint PRIMARY KEY);
                CREATE TABLE big_child (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES big_parent, position integer NOT NULL);
                INSERT INTO big_parent SELECT g FROM generate_series(1, 100000) g;
                INSERT INTO big_child SELECT g, (g + 1) / 2, g % 2 FROM generate_series(1, 200000) g;
                CREATE INDEX big_child_parent ON big_child (parent_id);
                ANALYZE big_parent;
                ANALYZE big_child;
                """, "big tables");
        StatementLog log = StatementLog.wrap(raw);
        Ferry ferry = Ferry.of(log.dataSource());
        List<BigParent> parents = ferry.from(BigParent.class).prefetch(CHILDREN).list();
        assertThat(log.count()).as(log.describe()).isEqualTo(2);
        assertThat(parents).hasSize(100_000);
        assertThat(parents).allSatisfy(p -> assertThat(p.children().get()).hasSize(2)
                .allSatisfy(c -> assertThat((Long) c.parent().id()).isEqualTo(p.id())));
        assertThat(log.statements().get(1)).contains("= ANY(?)");
        TestDatabases.runStatements(raw, "DROP TABLE big_child;\nDROP TABLE big_parent;", "cleanup");
    }
}
