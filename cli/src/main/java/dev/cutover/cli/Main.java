package dev.cutover.cli;

import dev.cutover.cli.report.Printable;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point of the {@code cutover} command. */
public final class Main {

    private static final String OUT_OF_MEMORY = "cutover: internal error: out of memory (Java heap); give it more "
            + "with CUTOVER_JAVA_OPTS, for example CUTOVER_JAVA_OPTS=-Xmx8g";

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit status: 0 pass, 1 diverged, 2 bad input or usage, 3 internal error
     * (running out of memory included, so that it is never taken for a divergence).
     */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to {@code out} and {@code err}; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        final CommandLine commandLine = new CommandLine(new CutoverCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new UserErrors());
        commandLine.setParameterExceptionHandler(new UsageErrors());
        int status = 3;
        try {
            status = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(OUT_OF_MEMORY);
            status = 3;
        } catch (StackOverflowError e) {
            err.println("cutover: internal error: stack overflow (a bug in cutover)");
            status = 3;
        } finally {
            out.flush();
            err.flush();
            FollowUntilInterrupted.commandEnded(status);
        }
        return status;
    }

    /** Bad input the user can fix: one line, exit 2; the stack trace only with --debug. */
    private static final class UserErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
            final boolean debug = parsed.hasMatchedOption("--debug")
                    || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            }
            if (e instanceof UserError) {
                commandLine.getErr().println("cutover: " + oneLine(e.getMessage()));
                return 2;
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof OutOfMemoryError) {
                    commandLine.getErr().println(OUT_OF_MEMORY);
                    return 3;
                }
            }
            commandLine.getErr().println("cutover: internal error: " + oneLine(String.valueOf(e))
                    + (debug ? "" : " (a bug in cutover; run again with --debug for the stack trace)"));
            return 3;
        }
    }

    /**
     * @return {@code message} on one line: line breaks become "; ", and control and bidirectional characters (which a
     *         policy's error text or a log's may carry to the terminal) are shown as codes
     */
    static String oneLine(String message) {
        return message == null ? "" : Printable.of(message.strip().replaceAll("\\s*\\R\\s*", "; "));
    }

    /** Usage mistakes: the message and the command's usage, exit 2. */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            final CommandLine commandLine = e.getCommandLine();
            commandLine.getErr().println("cutover: " + e.getMessage());
            commandLine.usage(commandLine.getErr());
            return 2;
        }
    }
}
