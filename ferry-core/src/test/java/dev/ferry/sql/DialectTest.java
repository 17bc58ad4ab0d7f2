package dev.ferry.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DialectTest {
    @Test
    void identifiersAreQuotedOnlyWhenNeeded() {
        Dialect pg = new PostgresDialect();
        Dialect h2 = new H2Dialect();
        assertThat(pg.quote("main_occurrence")).isEqualTo("main_occurrence");
        assertThat(pg.quote("frame_num2")).isEqualTo("frame_num2");
        assertThat(pg.quote("end")).isEqualTo("\"end\"");
        assertThat(pg.quote("user")).isEqualTo("\"user\"");
        assertThat(pg.quote("key")).as("not reserved in PostgreSQL").isEqualTo("key");
        assertThat(h2.quote("key")).as("reserved in H2").isEqualTo("\"key\"");
        assertThat(pg.quote("MixedCase")).isEqualTo("\"MixedCase\"");
        assertThat(pg.quote("2fast")).isEqualTo("\"2fast\"");
        assertThat(pg.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    @Test
    void arrayElementTypes() {
        Dialect pg = new PostgresDialect();
        assertThat(pg.arrayElementType(Long.class)).isEqualTo("bigint");
        assertThat(pg.arrayElementType(String.class)).isEqualTo("varchar");
        assertThat(pg.arrayElementType(java.util.UUID.class)).isEqualTo("uuid");
        assertThat(pg.arrayElementType(Object.class)).isNull();
    }
}
