package dev.ferry.antenna.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The errors Jetty answers itself, before or around the routes (a request line or headers too long, a bad
 * request-target, an unsupported HTTP version, a request refused while stopping), in the service's JSON shape
 * {@code {"detail": "..."}} instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowServlet(false);
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    /** A request Jetty could not parse: the body of its 400, 414, 431 or 505. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, AntennaServer.JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    /** An error within the server (a sendError), whatever the client accepts. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        byte[] body = body(code, message);
        response.setContentType(AntennaServer.JSON);
        if (code == HttpStatus.SERVICE_UNAVAILABLE_503) {
            response.setHeader("Retry-After", Integer.toString(AntennaServer.RETRY_AFTER_SECONDS));
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static byte[] body(int status, String reason) {
        String standard = HttpStatus.getMessage(status);
        String detail = switch (status) {
            case HttpStatus.URI_TOO_LONG_414 -> "The request line is too long.";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "The request headers are too large.";
            case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 -> "HTTP version not supported.";
            case HttpStatus.SERVICE_UNAVAILABLE_503 -> "The service is stopping; try again shortly.";
            case HttpStatus.BAD_REQUEST_400 -> reason == null || reason.isBlank() || reason.equals(standard)
                    ? "Bad request." : "Bad request: " + reason + ".";
            default -> reason == null || reason.isBlank() ? standard + "." : reason;
        };
        return AntennaServer.Response.bytes(Map.of("detail", detail));
    }
}
