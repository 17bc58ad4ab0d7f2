package dev.ferry.observe;

import static dev.ferry.observe.SqlShapes.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlShapesTest {

    @Test
    void whitespaceFoldsAndTrims() {
        assertThat(normalize("  SELECT\n\t a ,  b\r\n FROM   t  ")).isEqualTo("SELECT a , b FROM t");
    }

    @Test
    void commentsFoldAway() {
        assertThat(normalize("SELECT a -- the a\nFROM t /* why */ WHERE b = ?")).isEqualTo("SELECT a FROM t WHERE b = ?");
        assertThat(normalize("/* app=antenna */ SELECT 1")).isEqualTo("SELECT ?");
        assertThat(normalize("SELECT a/**/FROM t")).isEqualTo("SELECT a FROM t");
        assertThat(normalize("SELECT /* outer /* nested */ still */ a FROM t")).isEqualTo("SELECT a FROM t");
        assertThat(normalize("SELECT a FROM t -- trailing")).isEqualTo("SELECT a FROM t");
    }

    @Test
    void stringLiteralsBecomePlaceholders() {
        assertThat(normalize("SELECT * FROM t WHERE name = 'it''s' AND b = ''")).isEqualTo("SELECT * FROM t WHERE name = ? AND b = ?");
        assertThat(normalize("SELECT * FROM t WHERE s = E'a\\'b' AND n = N'x'")).isEqualTo("SELECT * FROM t WHERE s = ? AND n = ?");
        assertThat(normalize("SELECT '--not a comment', '/* nor this */' FROM t")).isEqualTo("SELECT ?, ? FROM t");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM t WHERE a = 5               | SELECT * FROM t WHERE a = ?",
            "SELECT * FROM t LIMIT 10                  | SELECT * FROM t LIMIT ?",
            "SELECT * FROM t WHERE a = -3.5            | SELECT * FROM t WHERE a = ?",
            "SELECT * FROM t WHERE a=-3                | SELECT * FROM t WHERE a=?",
            "SELECT * FROM t WHERE a > 1e5             | SELECT * FROM t WHERE a > ?",
            "SELECT * FROM t WHERE a > 1.5E-3          | SELECT * FROM t WHERE a > ?",
            "SELECT * FROM t WHERE a = .5              | SELECT * FROM t WHERE a = ?",
            "SELECT * FROM t WHERE a = 0x1F            | SELECT * FROM t WHERE a = ?",
            "SELECT a - 3 FROM t                       | SELECT a - ? FROM t",
            "SELECT a-3 FROM t                         | SELECT a-? FROM t",
    })
    void numbersBecomePlaceholders(String sql, String shape) {
        assertThat(normalize(sql)).isEqualTo(shape);
    }

    @Test
    void identifiersWithDigitsStay() {
        String sql = "SELECT t0.id, c1, _o0.x, x2y, a$1 FROM main_taxon t0 JOIN s3 _o0 ON _o0.t0_id = t0.id";
        assertThat(normalize(sql)).isEqualTo(sql);
    }

    @Test
    void dollarQuotedStringsBecomePlaceholders() {
        assertThat(normalize("SELECT $$it's -- not a comment$$, $fn$ a $$ b $fn$ FROM t"))
                .isEqualTo("SELECT ?, ? FROM t");
        assertThat(normalize("DO $body$ BEGIN PERFORM 1; END $body$")).isEqualTo("DO ?");
        // An unterminated dollar quote swallows the rest, as PostgreSQL would; $1 and identifiers with $ stay.
        assertThat(normalize("SELECT $x$ open")).isEqualTo("SELECT ?");
        assertThat(normalize("SELECT a$b, c FROM t WHERE d = $2")).isEqualTo("SELECT a$b, c FROM t WHERE d = ?");
    }

    @Test
    void booleansAreWholeWords() {
        assertThat(normalize("SELECT * FROM t WHERE a = TRUE AND b = false AND truex = 1 AND is_true"))
                .isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? AND truex = ? AND is_true");
    }

    @Test
    void postgresPlaceholdersBecomeQuestionMarks() {
        assertThat(normalize("SELECT * FROM t WHERE a = $1 AND b = $12")).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ?");
    }

    @Test
    void inListsCollapseKeepingTheKeyword() {
        assertThat(normalize("SELECT * FROM t WHERE id IN (?, ?, ?)")).isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(normalize("select * from t where id in (1,2,'a')")).isEqualTo("select * from t where id in (?)");
        assertThat(normalize("SELECT * FROM t WHERE id NOT IN ( $1, $2 )")).isEqualTo("SELECT * FROM t WHERE id NOT IN (?)");
        assertThat(normalize("SELECT * FROM t WHERE id In(?,\n ?)")).isEqualTo("SELECT * FROM t WHERE id In(?)");
        assertThat(normalize("SELECT * FROM t WHERE id IN (?)")).isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(normalize("SELECT * FROM t WHERE id IN ()")).isEqualTo("SELECT * FROM t WHERE id IN ()");
    }

    @Test
    void hibernateInList() {
        assertThat(normalize("select d1_0.id,d1_0.occurrence_id from main_detection d1_0 where d1_0.occurrence_id in (?,?,?,?)"))
                .isEqualTo("select d1_0.id,d1_0.occurrence_id from main_detection d1_0 where d1_0.occurrence_id in (?)");
    }

    @Test
    void inWithSubqueryOrExpressionsStays() {
        String subquery = "SELECT * FROM t WHERE id IN (SELECT t_id FROM u WHERE u.k = ?)";
        assertThat(normalize(subquery)).isEqualTo(subquery);
        String tuples = "SELECT * FROM t WHERE (a, b) IN ((?, ?), (?, ?))";
        assertThat(normalize(tuples)).isEqualTo(tuples);
    }

    @Test
    void parenthesesThatAreNotAnInListStay() {
        String sql = "SELECT * FROM t WHERE (a = ? OR (b = ? AND c = ?)) AND coalesce(d, ?) > ?";
        assertThat(normalize(sql)).isEqualTo(sql);
        assertThat(normalize("SELECT * FROM t WHERE (a = 1 OR (b = 'x')) AND f(2, 3) > 0"))
                .isEqualTo("SELECT * FROM t WHERE (a = ? OR (b = ?)) AND f(?, ?) > ?");
    }

    @Test
    void arraysCollapse() {
        assertThat(normalize("SELECT * FROM t WHERE id = ANY(ARRAY[1,2,3])")).isEqualTo("SELECT * FROM t WHERE id = ANY(ARRAY[?])");
        assertThat(normalize("SELECT * FROM t WHERE id = ANY(array[?, ?])")).isEqualTo("SELECT * FROM t WHERE id = ANY(array[?])");
    }

    @Test
    void anyOfOneArrayParameterStays() {
        String ferry = "SELECT t0.id, t0.name FROM main_taxon t0 WHERE t0.id = ANY(?)";
        assertThat(normalize(ferry)).isEqualTo(ferry);
    }

    @Test
    void multiRowValuesKeepsTheFirstRow() {
        assertThat(normalize("INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)")).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?)");
        assertThat(normalize("INSERT INTO t (a, b) VALUES (1, 'x'),(2, 'y') RETURNING id"))
                .isEqualTo("INSERT INTO t (a, b) VALUES (?, ?) RETURNING id");
        assertThat(normalize("INSERT INTO t (a, b) VALUES (?, now()), (?, now())")).isEqualTo("INSERT INTO t (a, b) VALUES (?, now())");
        assertThat(normalize("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, name)"))
                .isEqualTo("SELECT * FROM (VALUES (?, ?)) AS v(id, name)");
        String single = "INSERT INTO t (a, b) VALUES (?, ?)";
        assertThat(normalize(single)).isEqualTo(single);
    }

    @Test
    void quotedIdentifiersStay() {
        String sql = "SELECT \"key\", \"Weird \"\"1\"\" name\", `b2` FROM \"t 5\" WHERE \"key\" = ?";
        assertThat(normalize(sql)).isEqualTo(sql);
    }

    @Test
    void sameStatementWithOtherValuesHasTheSameShape() {
        assertThat(normalize("SELECT * FROM t WHERE a = 1 AND id IN (1, 2)"))
                .isEqualTo(normalize("SELECT * FROM t WHERE a = 42 AND id IN (7, 8, 9, 10)"));
    }

    @Test
    void nullAndEmpty() {
        assertThat(normalize(null)).isNull();
        assertThat(normalize("")).isEmpty();
        assertThat(normalize("  \n ")).isEmpty();
    }

    @Test
    void unbalancedOrUnterminatedInputDoesNotThrow() {
        assertThat(normalize("SELECT a) FROM t WHERE b IN (1, 2")).isEqualTo("SELECT a) FROM t WHERE b IN (?, ?");
        assertThat(normalize("SELECT 'open")).isEqualTo("SELECT ?");
        assertThat(normalize("SELECT /* open")).isEqualTo("SELECT");
    }

    @Test
    void cacheReturnsTheSameShape() {
        String sql = "SELECT * FROM t WHERE id IN (?, ?)";
        String first = SqlShapes.shapeOf(sql);
        assertThat(first).isEqualTo(normalize(sql));
        assertThat(SqlShapes.shapeOf(sql)).isSameAs(first);
        assertThat(SqlShapes.shapeOf(null)).isNull();
    }

    @Test
    void cacheStaysBoundedAndCorrect() {
        for (int i = 0; i < SqlShapes.CACHE_LIMIT * 2 + 10; i++) {
            assertThat(SqlShapes.shapeOf("SELECT * FROM t WHERE a = " + i)).isEqualTo("SELECT * FROM t WHERE a = ?");
            assertThat(SqlShapes.cacheSize()).isLessThanOrEqualTo(SqlShapes.CACHE_LIMIT);
        }
    }
}
