package io.github.metasweep.spark.cli;

import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SuiteFile;
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
        Path file = Path.of(args.single("validate", "spec file"));
        List<Path> files = SuiteFile.parts(file).orElse(List.of(file));
        List<SweepSpec> specs = new java.util.ArrayList<>();
        for (Path f : files) {
            specs.add(SpecParser.parseFile(f)); // every part is checked before any is reported ok
        }
        for (int i = 0; i < files.size(); i++) {
            SweepSpec spec = specs.get(i);
            long runs = SweepExpansion.count(spec); // counted from the axes: validate expands nothing
            out.printf("ok: %s: sweep %s of %s, %s%d runs (%d seeds x %d configurations) of %s; baselines: %s%s%n",
                    files.get(i), spec.name(), spec.benchmark(), spec.schedule() == null ? "" : "up to ", runs,
                    spec.seeds().size(),
                    runs / spec.seeds().size(), String.join(", ", spec.methods()),
                    spec.baselines().isEmpty() ? "none" : String.join(", ", spec.baselines()), spec.phases());
        }
        return ExitCode.DONE;
    }
}
