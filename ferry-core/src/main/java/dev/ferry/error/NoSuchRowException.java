package dev.ferry.error;

/** {@code get(id)} found no row. */
public class NoSuchRowException extends FerryException {
    public NoSuchRowException(String message) {
        super(message);
    }
}
