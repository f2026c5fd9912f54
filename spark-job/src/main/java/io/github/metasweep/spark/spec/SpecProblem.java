package io.github.metasweep.spark.spec;

/** One thing wrong with a sweep spec: where (key path and line, 0 when unknown) and what, with the fix. */
public record SpecProblem(String path, int line, String message) {

    /** {@code file:line: path: message}, the form printed to the user. */
    public String format(String file) {
        return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
