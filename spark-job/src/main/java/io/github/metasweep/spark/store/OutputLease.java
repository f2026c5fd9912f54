package io.github.metasweep.spark.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One sweep at a time per output: a lease file ({@code .metasweep-lease}) created atomically with the
 * holder's host, pid, start time and a token, renewed every {@link #RENEW_SECONDS} s while the sweep runs
 * and deleted at its end. A lease not renewed for {@link #STALE_SECONDS} s (its holder died), or held by a
 * process of this host that no longer exists (a killed sweep), is taken over.
 */
public final class OutputLease implements AutoCloseable {
    public static final String FILE = ".metasweep-lease";
    public static final long RENEW_SECONDS = 20;
    public static final long STALE_SECONDS = 120;

    private final ResultStore store;
    private final String holder;
    private final Thread renewer;
    private volatile boolean closed;

    /** A sweep that finds the output leased by a live holder: the message names the holder. */
    public static final class HeldException extends RuntimeException {
        public HeldException(String message) {
            super(message);
        }
    }

    private OutputLease(ResultStore store, String holder) {
        this.store = store;
        this.holder = holder;
        this.renewer = new Thread(this::renewLoop, "metasweep lease renewal");
        this.renewer.setDaemon(true);
    }

    /** Takes the lease of {@code store}, or throws {@link HeldException} naming who holds it. */
    public static OutputLease acquire(ResultStore store) throws IOException {
        String host = InetAddress.getLocalHost().getHostName();
        String holder = "host " + host + ", pid " + ProcessHandle.current().pid() + ", started " + Instant.now()
                + ", token " + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (store.createExclusive(FILE, text(holder))) {
                OutputLease lease = new OutputLease(store, holder);
                lease.renewer.start();
                return lease;
            }
            Optional<String> current = store.readText(FILE);
            if (current.isEmpty()) {
                continue; // released meanwhile: try again
            }
            long renewed = renewedAt(current.get());
            long age = Instant.now().getEpochSecond() - renewed;
            if (age <= STALE_SECONDS && !deadOnThisHost(current.get(), host)) {
                throw new HeldException("output " + store.location() + " is in use by another sweep (" + holderOf(
                        current.get()) + ", renewed " + age + " s ago); wait for it to finish, or choose another --out "
                        + "(a lease not renewed for " + STALE_SECONDS + " s is taken over)");
            }
            store.delete(FILE); // its holder stopped renewing: take it over
        }
        throw new HeldException("output " + store.location() + ": another sweep took the lease at the same time");
    }

    private static String text(String holder) {
        return "holder: " + holder + "\nrenewed: " + Instant.now().getEpochSecond() + "\n";
    }

    private static long renewedAt(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("renewed: ")) {
                try {
                    return Long.parseLong(line.substring(9).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0; // unreadable: treated as stale
    }

    /** A holder on this host whose process is gone (a killed sweep) holds nothing, however recent its renewal. */
    private static boolean deadOnThisHost(String text, String host) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("holder: host (\\S+), pid (\\d+),").matcher(text);
        return m.find() && m.group(1).equals(host) && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty();
    }

    private static String holderOf(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("holder: ")) {
                return line.substring(8).replaceAll(", token .*", "");
            }
        }
        return "unknown holder";
    }

    private void renewLoop() {
        while (!closed) {
            try {
                Thread.sleep(RENEW_SECONDS * 1000);
                if (!closed && isOurs()) {
                    store.writeText(FILE, text(holder));
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // the next renewal tries again; a lease left unrenewed only becomes stale
            }
        }
    }

    private boolean isOurs() throws IOException {
        return store.readText(FILE).map(t -> t.contains(holder)).orElse(false);
    }

    @Override
    public void close() {
        closed = true;
        renewer.interrupt();
        try {
            if (isOurs()) {
                store.delete(FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
