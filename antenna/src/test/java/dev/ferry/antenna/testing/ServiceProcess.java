package dev.ferry.antenna.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as its users run it: {@code antenna serve} in a JVM of its own (this test's classpath, its own heap
 * size), on a test database, so a test can send it SIGTERM or starve it of memory and watch what clients see.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern UP = Pattern.compile("Antenna is up: http://[^:/]+:(\\d+)/");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private ServiceProcess(Process process, Duration startTimeout) throws InterruptedException {
        this.process = process;
        CountDownLatch up = new CountDownLatch(1);
        int[] found = {-1};
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.append(line).append('\n');
                    Matcher m = UP.matcher(line);
                    if (found[0] < 0 && m.find()) {
                        found[0] = Integer.parseInt(m.group(1));
                        up.countDown();
                    }
                }
            } catch (IOException e) {
                output.append("(output ended: ").append(e).append(")\n");
            }
        }, "service-process-output");
        reader.setDaemon(true);
        reader.start();
        if (!up.await(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not start within " + startTimeout + ":\n" + output);
        }
        this.port = found[0];
    }

    /**
     * Starts {@code antenna serve} on database {@code jdbcUrl} (user postgres), on a free port, without seeding.
     *
     * @param jvmOptions e.g. {@code -Xmx128m}
     * @param serveOptions more options of {@code serve}
     */
    public static ServiceProcess start(String jdbcUrl, List<String> jvmOptions, String... serveOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of("dev.ferry.antenna.Main", "serve", "--database-url", jdbcUrl, "--db-user", "postgres",
                "--port", "0", "--no-seed"));
        command.addAll(List.of(serveOptions));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ServiceProcess(p, Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String root() {
        return "http://localhost:" + port;
    }

    public Process process() {
        return process;
    }

    /** Everything the process printed so far (stdout and stderr). */
    public String output() {
        return output.toString();
    }

    /** SIGTERM, as an orchestrator stops a container. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
