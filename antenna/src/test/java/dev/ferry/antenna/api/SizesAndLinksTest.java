package dev.ferry.antenna.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Django's filesizeformat and DRF's page links, value by value. */
class SizesAndLinksTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0 bytes", "1, 1 byte", "1023, 1023 bytes", "1024, 1.0 KB", "1536, 1.5 KB", "3250000, 3.1 MB",
            "1048576, 1.0 MB", "1073741824, 1.0 GB", "1099511627776, 1.0 TB", "1125899906842624, 1.0 PB",
            "-2048, -2.0 KB", "1127, 1.1 KB", "1177, 1.1 KB", "1178, 1.2 KB",
    })
    void filesizeformat(long bytes, String expected) {
        assertThat(Sizes.display(bytes)).isEqualTo(expected.replace(' ', '\u00a0'));
    }

    @Test
    void nullIsZeroBytes() {
        assertThat(Sizes.display(null)).isEqualTo("0\u00a0bytes");
    }

    @Test
    void pageLinksEncodeAsPythonDoes() {
        ApiRequest r = new ApiRequest("http://h", "/api/v2/captures/",
                Map.of("project_id", List.of("1"), "ordering", List.of("-size,timestamp"), "q", List.of("a b*~")));
        assertThat(PageLinks.next(r, 10, 0, 25))
                .isEqualTo("http://h/api/v2/captures/?limit=10&offset=10&ordering=-size%2Ctimestamp&project_id=1&q=a+b%2A~");
        assertThat(PageLinks.next(r, 10, 20, 25)).isNull();
        assertThat(PageLinks.previous(r, 10, 0)).isNull();
        assertThat(PageLinks.previous(r, 10, 5)).startsWith("http://h/api/v2/captures/?limit=10&ordering=");
    }

    @Test
    void pageLinksDoNotOverflowAtTheLargestOffset() {
        ApiRequest r = new ApiRequest("http://h", "/api/v2/captures/", Map.of("project_id", List.of("1")));
        long max = Long.MAX_VALUE;
        assertThat(PageLinks.next(r, 10, max, 25)).isNull();
        assertThat(PageLinks.next(r, 1000, max - 999, 25)).isNull();
        assertThat(PageLinks.next(r, 1000, max - 1000, max)).isNull();
        assertThat(PageLinks.next(r, 1000, max - 1001, max)).isEqualTo("http://h/api/v2/captures/?limit=1000&offset=" + (max - 1) + "&project_id=1");
        assertThat(PageLinks.next(r, 10, 0, 0)).isNull();
        assertThat(PageLinks.next(r, 10, 14, 25)).isEqualTo("http://h/api/v2/captures/?limit=10&offset=24&project_id=1");
        assertThat(PageLinks.next(r, 10, 15, 25)).isNull();
        assertThat(PageLinks.previous(r, 10, max)).isEqualTo("http://h/api/v2/captures/?limit=10&offset=" + (max - 10) + "&project_id=1");
        assertThat(PageLinks.previous(r, 1000, max)).isEqualTo("http://h/api/v2/captures/?limit=1000&offset=" + (max - 1000) + "&project_id=1");
    }
}
