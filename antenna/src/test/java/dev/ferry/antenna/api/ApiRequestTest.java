package dev.ferry.antenna.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ApiRequest#fromQueryString}: the raw query string split and decoded strictly. */
class ApiRequestTest {

    private static Map<String, List<String>> parse(String query) {
        return ApiRequest.fromQueryString("http://h", "/api/v2/occurrences/", query).params();
    }

    @Test
    void emptyPairsAreSkipped() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("&&&")).isEmpty();
        assertThat(parse("&project_id=1&&limit=3&")).isEqualTo(Map.of("project_id", List.of("1"), "limit", List.of("3")));
    }

    @Test
    void repeatedNamesKeepTheirValuesInOrder() {
        assertThat(parse("algorithm=3&limit=1&algorithm=1&algorithm=2").get("algorithm")).containsExactly("3", "1", "2");
    }

    @Test
    void valuesAreFormDecodedAsUtf8() {
        assertThat(parse("a+b=c+d%2B%26%3D%25")).isEqualTo(Map.of("a b", List.of("c d+&=%")));
        assertThat(parse("q=%C3%A9t%c3%a9&r=été&s=%F0%9F%A6%8B")).isEqualTo(Map.of(
                "q", List.of("été"), "r", List.of("été"), "s", List.of("\uD83E\uDD8B")));
        assertThat(parse("q=a=b")).isEqualTo(Map.of("q", List.of("a=b")));
        assertThat(parse("flag&empty=")).isEqualTo(Map.of("flag", List.of(""), "empty", List.of("")));
        assertThat(parse("nul=%00")).isEqualTo(Map.of("nul", List.of("\0"))); // kept: Params refuses it where it matters
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limit=%zz        | limit | Invalid percent-encoding.",
            "limit=5%         | limit | Invalid percent-encoding.",
            "limit=%5         | limit | Invalid percent-encoding.",
            "limit=%%35       | limit | Invalid percent-encoding.",
            "limit=%-5        | limit | Invalid percent-encoding.",
            "limit=%\u0661\u0662 | limit | Invalid percent-encoding.",
            "q=%FF            | q     | Invalid UTF-8 in the percent-encoding.",
            "q=%C3            | q     | Invalid UTF-8 in the percent-encoding.",
            "q=%C0%AF         | q     | Invalid UTF-8 in the percent-encoding.",
            "q=%ED%A0%80      | q     | Invalid UTF-8 in the percent-encoding.",
            "a=1&q=ok&q=%zz   | q     | Invalid percent-encoding.",
    })
    void aBadValueIsA400NamingItsParameter(String query, String parameter, String message) {
        assertThatThrownBy(() -> parse(query)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body()).isEqualTo(Map.of(parameter, List.of(message)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "li%zzmit=5 | Invalid percent-encoding in a parameter name.",
            "%=5        | Invalid percent-encoding in a parameter name.",
            "%FF=5      | Invalid UTF-8 in a parameter name.",
            "=5         | A query parameter has no name.",
            "a=1&=      | A query parameter has no name.",
    })
    void aBadNameIsA400WithDetail(String query, String detail) {
        assertThatThrownBy(() -> parse(query)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body()).isEqualTo(Map.of("detail", detail));
        });
    }

    @Test
    void theConstructorTakesDecodedParameters() {
        ApiRequest r = new ApiRequest("http://h", "/p/", Map.of("limit", List.of(" 5")));
        assertThat(r.params()).isEqualTo(Map.of("limit", List.of(" 5")));
    }
}
