package dev.ferry.error;

/** A query was built wrongly (a to-many in join, a negative limit, a keyset without ordering...). */
public class InvalidQueryException extends FerryException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
