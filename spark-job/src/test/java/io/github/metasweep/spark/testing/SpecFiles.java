package io.github.metasweep.spark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Spec files and output folders for tests. */
public final class SpecFiles {
    private SpecFiles() {
    }

    public static Path write(Path dir, String name, String yaml) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, yaml, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run result files of an output (names ending in .json under runs/, hidden ones left out). */
    public static java.util.List<Path> runFiles(Path out) {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return java.util.List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
