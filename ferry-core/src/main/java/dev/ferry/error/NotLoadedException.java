package dev.ferry.error;

/** A relation was read that the query did not load, under fetch policy RAISE. The message names the fix. */
public class NotLoadedException extends FerryException {
    public NotLoadedException(String message) {
        super(message);
    }
}
