package io.github.metasweep.spark.spec;

import java.util.List;

/** A sweep spec that cannot run: every problem found, each naming the file, key path, what was found and what is accepted. */
public final class InvalidSweepSpecException extends RuntimeException {
    private final String file;
    private final List<SpecProblem> problems;

    public InvalidSweepSpecException(String file, List<SpecProblem> problems) {
        super(render(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String render(String file, List<SpecProblem> problems) {
        StringBuilder s = new StringBuilder(file).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " error" : " errors").append(", nothing was started");
        for (SpecProblem p : problems) {
            s.append("\n  ").append(p.format(file));
        }
        return s.toString();
    }
}
