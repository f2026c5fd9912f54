package io.github.metasweep.model.run;

/** Hears a run's progress, once per finished episode. */
@FunctionalInterface
public interface RunListener {
    RunListener SILENT = (done, total, phase, lastReturn) -> { };

    void episodeDone(int done, int total, String phase, double lastReturn);
}
