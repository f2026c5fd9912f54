package io.github.metasweep.spark.cli;

/** Bad input on the command line or in the output folder: one message, exit code 2, nothing started. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
