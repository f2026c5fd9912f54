package io.github.metasweep.spark.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stored result's text with its checksum: the result's JSON object with a last field
 * {@code "sha256"} holding the SHA-256 of the object as it was before that field was added.
 * JSON readers see one more field; {@link #open} tells whether the text is whole and unedited.
 */
public final class SealedResult {
    static final String FIELD = ",\"sha256\":\"";

    private SealedResult() {
    }

    /** The JSON object {@code json} (one line, ending in '}') with its checksum as the last field. */
    public static String seal(String json) {
        String body = json.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return body.substring(0, body.length() - 1) + FIELD + sha256(body) + "\"}";
    }

    /** The unsealed JSON when the checksum matches; otherwise the reason it does not, as an exception. */
    public static String open(String text) {
        String t = text.strip();
        int at = t.lastIndexOf(FIELD);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        if (at < 0 || !t.endsWith("\"}")) {
            throw new IllegalArgumentException("no checksum (not written by this version, or cut short)");
        }
        String stored = t.substring(at + FIELD.length(), t.length() - 2);
        String body = t.substring(0, at) + "}";
        if (!sha256(body).equals(stored)) {
            throw new IllegalArgumentException("the checksum does not match the content (edited or damaged)");
        }
        return body;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
