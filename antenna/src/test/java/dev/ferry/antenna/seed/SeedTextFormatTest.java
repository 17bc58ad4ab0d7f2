package dev.ferry.antenna.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The COPY text writer and the fast timestamp formatting, against PostgreSQL's own parsing. */
class SeedTextFormatTest {

    static final String[] AWKWARD = {"plain", "", "tab\there", "new\nline", "carriage\rreturn", "back\\slash",
        "\\N", "\\", "Bergström & Guenée", "emoji \uD83E\uDD8B", "quote \" and ' both", "{braces, commas}"};

    @Test
    void stringsNullsAndNumbersRoundTripThroughCopy() throws SQLException {
        try (HikariDataSource ds = TestPostgres.pool(TestPostgres.freshDatabase("seed_text_format"), 1);
             Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE copy_check (id bigint, value text, score double precision, at timestamp)");
            CopyTable t = new CopyTable("copy_check", "id, value, score, at"); // FREEZE: created in this transaction
            for (int i = 0; i < AWKWARD.length; i++) {
                t.num(i).str(AWKWARD[i]).dbl(i / 7.0).ts(Times.of(LocalDateTime.of(2023, 8, 2, 1, 14, 3, i * 1000)))
                        .end();
            }
            t.num(99).str(null).nul().ts(CopyTable.NO_TIME).end();
            t.flush(c.unwrap(PGConnection.class).getCopyAPI());

            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, value, score, at FROM copy_check ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    values.add(rs.getString(2));
                    if (id < AWKWARD.length) {
                        assertThat(rs.getDouble(3)).isEqualTo(id / 7.0);
                        assertThat(rs.getObject(4, LocalDateTime.class))
                                .isEqualTo(LocalDateTime.of(2023, 8, 2, 1, 14, 3, (int) id * 1000));
                    } else {
                        assertThat(rs.getObject(3)).isNull();
                        assertThat(rs.getObject(4)).isNull();
                    }
                }
            }
            List<String> expected = new ArrayList<>(Arrays.asList(AWKWARD));
            expected.add(null);
            assertThat(values).containsExactlyElementsOf(expected);
            c.rollback();
        }
    }

    @Test
    void fastTimestampFormatMatchesJavaTime() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long micros = rng.nextLong(8L * 365 * Times.DAY); // past the lookup tables' end too
            if (i % 2 == 0) {
                micros -= micros % Times.SECOND; // whole seconds print without a fraction
            }
            LocalDateTime t = Times.toLocalDateTime(micros);
            StringBuilder sb = new StringBuilder();
            Times.append(sb, micros);
            assertThat(LocalDateTime.parse(sb.toString().replace(' ', 'T'))).isEqualTo(t);
            assertThat(Times.of(t)).isEqualTo(micros);
            StringBuilder compact = new StringBuilder();
            Times.appendCompact(compact, micros);
            assertThat(compact.toString()).isEqualTo(String.format("%tY%<tm%<td%<tH%<tM%<tS", t));
        }
    }
}
