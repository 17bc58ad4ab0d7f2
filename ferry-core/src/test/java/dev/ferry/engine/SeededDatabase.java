package dev.ferry.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.fixture.*;
import dev.ferry.testing.StatementLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database seeded once per JVM with the fixture, a statement log around it, and a Ferry on the
 * log. Expected values come from plain JDBC on the raw data source (the oracle), never from Ferry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SeededDatabase {

    /** Odd ids are project 1: 600 occurrences there, so pages of 500 fit. */
    static final int OCCURRENCES = 1200;

    private static final Map<DataSource, Seeded> SEEDED = new ConcurrentHashMap<>();

    static final Class<?>[] ENTITIES = {Occurrence.class, Detection.class, Classification.class, Identification.class,
            Taxon.class, Project.class, Event.class, SourceImage.class, Algorithm.class, User.class,
            OccurrenceView.class, DetectionView.class, EventView.class};
    static final Class<?>[] METAMODELS = {Occurrence_.class, Detection_.class, Classification_.class, Identification_.class,
            Taxon_.class, Project_.class, Event_.class, SourceImage_.class, Algorithm_.class, User_.class,
            OccurrenceView_.class, DetectionView_.class, EventView_.class};

    protected final DataSource raw;
    protected StatementLog log;
    protected Ferry ferry;
    protected Seeded seeded;

    protected SeededDatabase(DataSource raw) {
        this.raw = raw;
    }

    @BeforeAll
    void seed() {
        seeded = SEEDED.computeIfAbsent(raw, ds -> Seeder.seed(ds, OCCURRENCES));
        log = StatementLog.wrap(raw);
        ferry = Ferry.builder(log.dataSource()).entities(ENTITIES).metamodels(METAMODELS).build();
    }

    @BeforeEach
    void resetLog() {
        log.reset();
    }

    /** The statements run since the test started (or the last reset), numbered, for messages. */
    protected int statements() {
        return log.count();
    }

    protected void assertStatements(int expected) {
        assertThat(log.count()).as("statements run:\n%s", log.describe()).isEqualTo(expected);
    }

    /** The first column of each row, as longs. */
    protected List<Long> ids(String sql, Object... params) {
        List<Long> out = new ArrayList<>();
        for (Object[] row : rows(sql, params)) {
            out.add(row[0] == null ? null : ((Number) row[0]).longValue());
        }
        return out;
    }

    protected List<Object[]> rows(String sql, Object... params) {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError("oracle query failed: " + sql, e);
        }
    }

    /** Connections currently borrowed from the pool (leak checks). */
    protected int activeConnections() {
        try {
            return raw.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    protected static <T> List<Long> idsOf(List<T> rows, java.util.function.ToLongFunction<T> id) {
        return rows.stream().map(r -> id.applyAsLong(r)).toList();
    }
}
