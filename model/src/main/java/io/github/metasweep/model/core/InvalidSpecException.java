package io.github.metasweep.model.core;

/** Bad user input in a run spec: the message is one line naming the field, what was found and what is accepted. */
public final class InvalidSpecException extends IllegalArgumentException {
    private final String field;

    public InvalidSpecException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The spec field (hyper-parameter name, "method", "variant", ...) the error is about. */
    public String field() {
        return field;
    }
}
