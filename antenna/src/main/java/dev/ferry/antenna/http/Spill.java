package dev.ferry.antenna.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a document is rendered before it is sent: up to {@code limit} bytes in memory, the rest of a larger one
 * in a temporary file. A document is always complete before its first byte goes out (exact headers, and a failure
 * is a clean error document), memory stays at the limit whatever the document's size, and a slow client reads
 * from the file, holding neither the loaded rows nor a database connection.
 */
final class Spill extends OutputStream {

    private final int limit;
    private byte[] buffer = new byte[1024];
    private int size;
    private Path file;
    private OutputStream out;
    private long length;

    Spill(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (out == null && size + len > limit) {
            file = Files.createTempFile("antenna-", ".json");
            out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            out.write(buffer, 0, size);
            buffer = null;
        }
        length += len;
        if (out != null) {
            out.write(b, off, len);
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

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    /** Whether the document outgrew memory and lies in a file. */
    boolean spilled() {
        return file != null;
    }

    /** The document's size in bytes. */
    long length() {
        return length;
    }

    /** The whole document, when it stayed in memory. */
    byte[] bytes() {
        return Arrays.copyOf(buffer, size);
    }

    /** The spilled document, from its first byte. */
    InputStream open() throws IOException {
        close();
        return Files.newInputStream(file);
    }

    /** Deletes the file, if any: after sending, or after a failure. */
    void discard() {
        try {
            close();
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + file, e);
        }
    }
}
