package dev.ferry.testkit;

import dev.ferry.error.NotLoadedException;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.test.FerryExtension;
import dev.ferry.test.StatementFilter;
import dev.ferry.test.UseFetchPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.ferry.testkit.Library.FERRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assertions and their failure listings, on a real (H2) database behind the observer. */
class FerryExtensionTest {

    @RegisterExtension
    static final FerryExtension EXT = FerryExtension.of(Library.OBSERVER);

    @AfterEach
    void noLeak() {
        assertThat(Library.POOL.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void assertQueriesCountsTheBlock() {
        List<Library.Author> authors = EXT.assertQueries(2, () -> FERRY.from(Library.Author.class).prefetch(Library.BOOKS).list());
        assertThat(authors).hasSize(5);
        EXT.assertMaxQueries(2, () -> FERRY.from(Library.Author.class).list());
        EXT.assertNoQueries(() -> authors.get(0).books().size());
    }

    @Test
    void failuresListEveryStatementWithItsCallSite() {
        assertThatThrownBy(() -> EXT.assertQueries(1, () -> {
            Library.sql("SELECT COUNT(*) FROM author");
            Library.sql("SELECT COUNT(*) FROM book");
        })).isInstanceOf(AssertionError.class).satisfies(e -> {
            String[] lines = e.getMessage().split("\n");
            assertThat(lines).hasSize(6);
            assertThat(lines[0]).isEqualTo("2 statements executed, 1 expected");
            assertThat(lines[1]).isEqualTo("Captured statements were:");
            assertThat(lines[2]).isEqualTo("1. SELECT COUNT(*) FROM author");
            assertThat(lines[3]).startsWith("   at dev.ferry.testkit.Library.sql(Library.java:");
            assertThat(lines[4]).isEqualTo("2. SELECT COUNT(*) FROM book");
            assertThat(lines[5]).startsWith("   at dev.ferry.testkit.Library.sql(Library.java:");
        });
        assertThatThrownBy(() -> EXT.assertMaxQueries(0, () -> Library.sql("SELECT 1")))
                .hasMessageStartingWith("1 statement executed, at most 0 expected\nCaptured statements were:\n1. SELECT 1\n   at ");
        assertThatThrownBy(() -> EXT.assertNoQueries(() -> Library.sql("SELECT 2")))
                .hasMessageStartingWith("1 statement executed where none were expected\nCaptured statements were:\n1. SELECT 2\n");
        assertThatThrownBy(() -> EXT.assertQueries(1, () -> { }))
                .hasMessage("0 statements executed, 1 expected\nNo statements were captured.");
    }

    @Test
    void raiseIsTheDefaultPolicyDuringTests() {
        Library.Author a = FERRY.from(Library.Author.class).first().orElseThrow();
        assertThatThrownBy(() -> a.books().size()).isInstanceOf(NotLoadedException.class)
                .hasMessageContaining("add .prefetch(\"books\")");
        assertThat(FetchPolicy.current()).isEqualTo(FetchPolicy.RAISE);
    }

    @Test
    @UseFetchPolicy(FetchPolicy.PEERS)
    void aTestCanChooseAnotherPolicy() {
        List<Library.Author> authors = FERRY.from(Library.Author.class).list();
        EXT.assertQueries(1, () -> authors.forEach(a -> a.books().size()));
    }

    @Test
    void thePlanGivesTheExpectation() {
        List<Library.Author> authors = EXT.assertPlanned(FERRY.from(Library.Author.class).prefetch(Library.BOOKS));
        assertThat(authors).allSatisfy(a -> assertThat(a.books().size()).isEqualTo(2));
        assertThatThrownBy(() -> EXT.assertPlanned(FERRY.from(Library.Author.class)
                .where(Library.AUTHOR_ID.gt(99L)).prefetch(Library.BOOKS)))
                .as("an empty level issues nothing: the plan's 2 is not met by 1")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void filtersCountSelectsTablesAndSkipTransactionControl() {
        Runnable block = () -> {
            Library.sql("SET SCHEMA PUBLIC");
            Library.sql("SELECT COUNT(*) FROM author");
            Library.sql("SELECT b.title FROM book b JOIN author a ON a.id = b.author_id");
            Library.sql("UPDATE book SET title = title WHERE id = 11");
        };
        EXT.assertQueries(4, block);
        EXT.assertQueries(2, StatementFilter.selectsOnly(), block);
        EXT.assertQueries(3, StatementFilter.ignoringTransactionControl(), block);
        EXT.assertQueries(2, StatementFilter.onTable("book"), block);
        EXT.assertQueries(1, StatementFilter.onTable("book").and(StatementFilter.selectsOnly()), block);
    }

    @Test
    void injectsTheTestScopeAndTheObserver(Scope scope, Observer observer) {
        assertThat(scope.name()).isEqualTo("FerryExtensionTest.injectsTheTestScopeAndTheObserver");
        assertThat(observer).isSameAs(Library.OBSERVER);
        Library.sql("SELECT 3");
        assertThat(scope.count()).isEqualTo(1);
    }
}
