package io.github.metasweep.spark.exec;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work the driver does beside its own, on a daemon thread of its own: a new thread inherits the caller's context
 * class loader, which spark-submit's application classes need (the common fork-join pool's threads do not).
 */
public final class Background {
    private Background() {
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** What the work returned, or what it threw, rethrown as it was. */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
