package io.github.metasweep.model.core;

import java.util.Locale;

/** How a run ended. */
public enum RunStatus {
    /** All episodes ran. */
    OK,
    /** A loss, gradient or return became NaN or infinite; the episodes before it are kept. */
    DIVERGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
