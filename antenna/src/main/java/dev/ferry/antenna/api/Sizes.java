package dev.ferry.antenna.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Django's {@code filesizeformat}, which the original uses for {@code size_display}. */
public final class Sizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB"};
    /** Django's {@code avoid_wrapping} joins number and unit with a no-break space. */
    private static final char NBSP = '\u00a0';

    private Sizes() {
    }

    /**
     * {@code "0 bytes"}, {@code "1 byte"}, {@code "999 bytes"}, {@code "1.0 KB"}, {@code "3.1 MB"} (powers of
     * 1024, one decimal rounded half-even as Python's {@code round}); null counts as 0, as Django's does.
     */
    public static String display(Long bytes) {
        long b = bytes == null ? 0 : bytes;
        if (b < 0) {
            return "-" + display(b == Long.MIN_VALUE ? Long.MAX_VALUE : -b);
        }
        if (b < 1024) {
            return b + (NBSP + (b == 1 ? "byte" : "bytes"));
        }
        double value = b;
        int unit = -1;
        while (unit < UNITS.length - 1 && value >= 1024) {
            value /= 1024;
            unit++;
        }
        String number = new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
        return number + NBSP + UNITS[unit];
    }
}
