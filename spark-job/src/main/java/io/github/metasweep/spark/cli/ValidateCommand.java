package io.github.metasweep.spark.cli;

import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.spec.SweepSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code validate SPEC}: checks a spec and counts its runs; starts and writes nothing. */
final class ValidateCommand {
    private final PrintStream out;

    ValidateCommand(PrintStream out) {
        this.out = out;
    }

    int execute(String[] argv) {
        Args args = Args.parse("validate", argv, 1, Set.of(), Set.of());
        String file = args.single("validate", "spec file");
        SweepSpec spec = SpecParser.parseFile(Path.of(file));
        List<PlannedRun> runs = SweepExpansion.expand(spec);
        out.printf("ok: %s: sweep %s, %d runs (%d seeds x %d configurations) of %s; baselines: %s%n", file, spec.name(),
                runs.size(), spec.seeds().size(), runs.size() / spec.seeds().size(), String.join(", ", spec.methods()),
                spec.baselines().isEmpty() ? "none" : String.join(", ", spec.baselines()));
        return ExitCode.DONE;
    }
}
