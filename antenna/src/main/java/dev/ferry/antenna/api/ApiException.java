package dev.ferry.antenna.api;

import java.util.Map;

/**
 * A client error with the body to send, shaped as Django REST Framework shapes it:
 * {@code {"limit": ["Ensure this value is less than or equal to 1000."]}} for a bad parameter (400),
 * {@code {"detail": "Not found."}} for an unknown object (404).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, Object> body;

    private ApiException(int status, String message, Map<String, Object> body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** 400, naming the parameter. */
    public static ApiException badParameter(String parameter, String message) {
        return new ApiException(400, parameter + ": " + message, Map.of(parameter, java.util.List.of(message)));
    }

    /** 400 about the request as a whole (e.g. a malformed parameter name), as {@code {"detail": ...}}. */
    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail, Map.of("detail", detail));
    }

    /** 404 with DRF's body. */
    public static ApiException notFound() {
        return notFound("Not found.");
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, detail, Map.of("detail", detail));
    }

    public int status() {
        return status;
    }

    /** The JSON body: a map of parameter names to messages, or {@code {"detail": ...}}. */
    public Map<String, Object> body() {
        return body;
    }
}
