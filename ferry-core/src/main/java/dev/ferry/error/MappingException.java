package dev.ferry.error;

/** An entity record or a metamodel path does not fit the model (unknown name, wrong type, missing key). */
public class MappingException extends FerryException {
    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
