package dev.ferry.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import dev.ferry.observe.Observer;
import dev.ferry.query.ToMany;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A tiny library schema on H2 behind an observed pool, shared by the tests of this module. */
final class Library {
    @Table("author")
    record Author(long id, String name, Many<Book> books) {
    }

    @Table("book")
    record Book(long id, Ref<Author> author, String title) {
    }

    static final ToMany<Author, Book> BOOKS = ToMany.of(Author.class, "books", Book.class);
    static final dev.ferry.query.Col<Author, Long> AUTHOR_ID = dev.ferry.query.Col.of(Author.class, "id", Long.class);

    static final HikariDataSource POOL = pool();
    static final Observer OBSERVER = Observer.builder().logReports(false).hints(dev.ferry.policy.LoadHints::current).build();
    static final DataSource DATA_SOURCE = OBSERVER.wrap(POOL);
    static final Ferry FERRY = Ferry.of(DATA_SOURCE);

    private Library() {
    }

    private static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:ferry-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        HikariDataSource ds = new HikariDataSource(config);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS author (id bigint PRIMARY KEY, name varchar(100) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS book (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES author, "
                    + "title varchar(200) NOT NULL)");
            s.execute("DELETE FROM book");
            s.execute("DELETE FROM author");
            for (int a = 1; a <= 5; a++) {
                s.execute("INSERT INTO author VALUES (" + a + ", 'Author " + a + "')");
                for (int b = 1; b <= 2; b++) {
                    s.execute("INSERT INTO book VALUES (" + (a * 10 + b) + ", " + a + ", 'Book " + a + "." + b + "')");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ds;
    }

    /** Runs one plain JDBC statement through the observed pool. */
    static void sql(String sql) {
        try (Connection c = DATA_SOURCE.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
