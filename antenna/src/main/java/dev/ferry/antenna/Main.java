package dev.ferry.antenna;

import dev.ferry.antenna.cli.SeedCommand;
import dev.ferry.antenna.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code antenna serve | seed}: the reference service's command line (run it with {@code ./antenna}). */
@Command(name = "antenna", mixinStandardHelpOptions = true,
        version = "antenna 0.1.0 (Ferry reference service)",
        description = "The AMI insect-monitoring occurrence API on Ferry.",
        subcommands = {ServeCommand.class, SeedCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The parser, with errors printed as one line plus the usage rather than a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("antenna: " + message(e)));
            if (System.getenv("ANTENNA_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set ANTENNA_DEBUG=1 for the stack trace)");
            }
            return 1;
        });
        return cli;
    }

    private static String message(Throwable e) {
        StringBuilder m = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !m.toString().contains(c.getMessage())) {
                m.append("\n  caused by: ").append(c.getMessage());
            }
        }
        return m.toString();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: serve or seed (antenna --help)");
    }
}
