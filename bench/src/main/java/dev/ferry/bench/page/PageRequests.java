package dev.ferry.bench.page;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The request every strategy answers, and the rendering every strategy's document goes through. */
public final class PageRequests {

    public static final String ROOT = "http://localhost:8000";
    public static final String PATH = "/api/v2/occurrences/";
    /** The project of the comparison: the largest of the demo data (70% of the occurrences). */
    public static final long PROJECT = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private PageRequests() {
    }

    public static ApiRequest request(long projectId, int limit, long offset) {
        return new ApiRequest(ROOT, PATH, Map.of("project_id", List.of(Long.toString(projectId)),
                "limit", List.of(Integer.toString(limit)), "offset", List.of(Long.toString(offset))));
    }

    /** The page's JSON bytes, as the service would send them. */
    public static byte[] render(PageStrategy strategy, long projectId, int limit, long offset) throws Exception {
        return render(strategy.page(request(projectId, limit, offset), projectId, limit, offset));
    }

    public static byte[] render(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
