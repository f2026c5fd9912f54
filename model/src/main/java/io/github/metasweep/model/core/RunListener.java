package io.github.metasweep.model.core;

/** Hears a run's progress: {@code done} of {@code total} units (episodes, meta-iterations) and a short note. */
@FunctionalInterface
public interface RunListener {
    RunListener SILENT = (done, total, note) -> { };

    void progress(long done, long total, String note);
}
