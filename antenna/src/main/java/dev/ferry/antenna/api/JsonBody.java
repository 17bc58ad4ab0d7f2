package dev.ferry.antenna.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A response body, written once every query it needs has run: a handler loads its data, then returns
 * this, so a database error can never leave half a document on the wire.
 */
@FunctionalInterface
public interface JsonBody {
    void write(JsonGenerator json) throws IOException;
}
