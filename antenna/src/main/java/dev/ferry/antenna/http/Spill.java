package dev.ferry.antenna.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An output that keeps up to {@code limit} bytes in memory and, when more come, hands them to the stream that
 * {@link Target#open} returns and writes everything after straight through: a small document stays whole
 * (and can still be replaced by an error), a large one costs the buffer, not its size.
 */
final class Spill extends OutputStream {

    /** Opens the real output once the buffer is full, writing the buffered bytes to it first. */
    @FunctionalInterface
    interface Target {
        OutputStream open(Spill buffered) throws IOException;
    }

    private final int limit;
    private final Target target;
    private byte[] buffer = new byte[1024];
    private int size;
    private OutputStream out;
    private long sent;

    Spill(int limit, Target target) {
        this.limit = limit;
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (out == null && size + len > limit) {
            out = target.open(this);
            sent = size;
            buffer = null;
        }
        if (out != null) {
            out.write(b, off, len);
            sent += len;
            return;
        }
        if (size + len > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(size + len, buffer.length * 2)));
        }
        System.arraycopy(b, off, buffer, size, len);
        size += len;
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Leaves the client's stream open: the server closes it when the request ends. */
    @Override
    public void close() throws IOException {
        flush();
    }

    /** Whether the document outgrew the buffer and is being sent as it is written. */
    boolean streaming() {
        return out != null;
    }

    /** Bytes handed to the client so far (0 until {@link #streaming()}). */
    long sent() {
        return sent;
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    /** The whole document, when it fitted. */
    byte[] bytes() {
        return Arrays.copyOf(buffer, size);
    }
}
