package dev.ferry.query;

import dev.ferry.error.InvalidQueryException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token gives back every supported value with its Java type, and refuses what it cannot be. */
class CursorTokenTest {

    @Test
    void everySupportedTypeComesBackAsItWent() {
        List<Object> values = Arrays.asList(Long.MIN_VALUE, 42, (short) -7, "ünïcödé, | and \" and 🦋", "", 0.1, -0.0,
                Double.NaN, 1.5f, true, false, new BigDecimal("1.2300E+5"), new BigDecimal("-0.000"), LocalDate.of(2023, 8, 1),
                LocalDateTime.of(2023, 8, 1, 0, 0), LocalDateTime.of(2023, 8, 1, 23, 59, 59, 123_456_000),
                LocalTime.of(0, 0), LocalTime.of(21, 5, 7, 1), OffsetDateTime.of(2023, 8, 1, 12, 0, 0, 0, ZoneOffset.ofHours(-4)),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), null);
        Cursor cursor = new Cursor(values, 0xCAFE_F00D);
        String token = cursor.token();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        Cursor back = CursorToken.decode(token);
        assertThat(back).isEqualTo(cursor);
        assertThat(back.ordering()).isEqualTo(0xCAFE_F00D);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            assertThat(back.values().get(i)).as("value %d", i).isEqualTo(v);
            if (v != null) {
                assertThat(back.values().get(i)).as("value %d", i).isExactlyInstanceOf(v.getClass());
            }
        }
        assertThat(((BigDecimal) back.values().get(11)).scale()).as("a BigDecimal keeps its scale").isEqualTo(-1);
    }

    @Test
    void aValueOfAnotherTypeHasNoToken() {
        Cursor cursor = new Cursor(List.of(Thread.State.NEW, 1L), 1);
        assertThatThrownBy(cursor::token).isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith("a cursor token cannot hold a java.lang.Thread$State (NEW); it holds Long, Integer,");
    }

    @Test
    void aLengthLargerThanTheTokenIsRefusedBeforeAllocating() {
        // version 1, fingerprint 0, one value: a String claiming 2^31-1 bytes.
        byte[] bytes = {1, 0, 0, 0, 0, 0, 1, 4, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'x'};
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> CursorToken.decode(token)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("malformed cursor token (it is cut short); pass the token Cursor.token() gave, unchanged");
        byte[] badTime = {1, 0, 0, 0, 0, 0, 1, 10, 0, 0, 0, 3, 'n', 'o', 'w'};
        assertThatThrownBy(() -> CursorToken.decode(java.util.Base64.getUrlEncoder().encodeToString(badTime)))
                .hasMessage("malformed cursor token (a value does not parse); pass the token Cursor.token() gave, unchanged");
    }
}
