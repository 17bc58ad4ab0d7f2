package dev.ferry.error;

/** The root of every exception Ferry throws. Messages name the cause and, where one exists, the fix. */
public class FerryException extends RuntimeException {
    public FerryException(String message) {
        super(message);
    }

    public FerryException(String message, Throwable cause) {
        super(message, cause);
    }
}
