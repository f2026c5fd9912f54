package io.github.metasweep.model.core;

/** The value types a hyper-parameter can take. */
public enum ParamType {
    INT,
    DOUBLE,
    BOOL,
    CHOICE
}
