package io.github.metasweep.spark.cli;

import io.github.metasweep.model.core.InvalidSpecException;
import io.github.metasweep.spark.report.PreviousResultFormatException;
import io.github.metasweep.spark.store.OutputLease;
import io.github.metasweep.spark.spec.InvalidSweepSpecException;
import java.io.PrintStream;

/** The sweep job's command line: {@code sweep}, {@code validate} and {@code report}. */
public final class Main {
    static final String USAGE = """
            usage: metasweep <command> ...
              sweep SPEC [--out DIR] [--master URL] [--fresh | --extend] [--reuse DIR] [--dry-run]
                         [--progress-seconds S]
                  run every run of a sweep spec that the output does not hold yet, then build the tables
                  --out      where results go: a path or a Hadoop URI (file:, hdfs:, s3a:); default results/<name>
                  --master   Spark master, e.g. local[2]; default: spark-submit's, else local[*]
                  --fresh    delete what an earlier sweep wrote to --out (it says what) and start over
                  --extend   keep the runs of an earlier version of this spec in --out (more seeds, methods or
                             grid values: every stored run must be one this spec plans too) and run the rest
                  --reuse    copy in, instead of running, the runs this spec plans that another sweep's output
                             DIR holds (each verified first; e.g. a check that repeats part of a main sweep)
                  --dry-run  print the run count and the first runs; start and write nothing
                  --progress-seconds  how often progress is printed (default 10)
              validate SPEC     check a spec and count its runs; start and write nothing
              report DIR        rebuild DIR/tables, the Parquet files, REPORT.md and plots from DIR/runs [--master URL]
            exit codes: 0 done, 2 bad input (nothing was started), 1 a failure during the run
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final SessionFactory sessions;

    public Main(PrintStream out, PrintStream err, SessionFactory sessions) {
        this.out = out;
        this.err = err;
        this.sessions = sessions;
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err, SessionFactory.NEW).execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs a command; returns its exit code. */
    public int execute(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        try {
            return switch (command) {
                case "sweep" -> new SweepCommand(out, sessions).execute(args);
                case "validate" -> new ValidateCommand(out).execute(args);
                case "report" -> new ReportCommand(out, sessions).execute(args);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield ExitCode.DONE;
                }
                default -> throw new UsageException((command.isEmpty() ? "a command is missing"
                        : "unknown command '" + command + "'") + "; accepted: sweep, validate, report, help");
            };
        } catch (PreviousResultFormatException | OutputLease.HeldException e) {
            err.println(command + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (InvalidSweepSpecException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (UsageException | InvalidSpecException e) {
            err.println(e.getMessage());
            if (e instanceof UsageException && e.getMessage().contains("command")) {
                err.print(USAGE);
            }
            return ExitCode.BAD_INPUT;
        } catch (Exception e) {
            err.println(command + " failed: " + e);
            e.printStackTrace(err);
            return ExitCode.FAILED;
        }
    }
}
