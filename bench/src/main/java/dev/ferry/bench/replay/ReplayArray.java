package dev.ferry.bench.replay;

/** The array parameter a caller made with {@code createArrayOf}; kept, never sent anywhere. */
final class ReplayArray extends UnsupportedArray implements java.io.Serializable {

    private final String baseTypeName;
    private final Object[] elements;

    ReplayArray(String baseTypeName, Object[] elements) {
        this.baseTypeName = baseTypeName;
        this.elements = elements;
    }

    @Override
    public String getBaseTypeName() {
        return baseTypeName;
    }

    @Override
    public Object getArray() {
        return elements;
    }

    @Override
    public void free() {
    }
}
