package io.github.metasweep.spark.report;

import io.github.metasweep.model.core.RunResultJson;

/** An output whose stored runs were written in the previous result format: reported in one line, exit 2. */
public final class PreviousResultFormatException extends RuntimeException {
    public PreviousResultFormatException(String location, String example) {
        super(location + " holds runs " + RunResultJson.PREVIOUS_FORMAT + " (e.g. runs/" + example + ".json); this "
                + "version cannot read them: rerun the sweep into a new --out (or with --fresh), or report them "
                + "with the version that wrote them (the git_commit in their provenance)");
    }
}
