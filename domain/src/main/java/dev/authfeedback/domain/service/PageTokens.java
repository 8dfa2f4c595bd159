package dev.authfeedback.domain.service;

import dev.authfeedback.domain.error.InvalidParameterException;
import dev.authfeedback.domain.model.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Opaque NextToken values: the base64url of a listing's name, its scope and the last key returned.
 * Not secret (they only reposition a listing the caller may read anyway), but bound to the listing
 * and scope they came from: a token of another user or listing is rejected.
 */
final class PageTokens {

    static final String INVALID_TOKEN_MESSAGE = "Invalid pagination token.";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageTokens() {
    }

    static String encode(String listing, String scope, String lastKey) {
        String plain = listing + '\n' + scope + '\n' + lastKey;
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The last key a token of {@code listing} and {@code scope} carries; InvalidParameterException otherwise. */
    static String decode(String token, String listing, String scope) {
        String[] parts;
        try {
            parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidParameterException(INVALID_TOKEN_MESSAGE);
        }
        if (parts.length != 3 || !parts[0].equals(listing) || !parts[1].equals(scope) || parts[2].isEmpty()) {
            throw new InvalidParameterException(INVALID_TOKEN_MESSAGE);
        }
        return parts[2];
    }

    /**
     * A page of {@code pageSize} from {@code found}, which holds up to one more item than the page:
     * when it does, there is a next page, and its token names the page's last key.
     */
    static <T> Page<T> page(List<T> found, int pageSize, String listing, String scope, Function<T, String> key) {
        if (found.size() <= pageSize) {
            return new Page<>(found, null);
        }
        List<T> page = found.subList(0, pageSize);
        return new Page<>(page, encode(listing, scope, key.apply(page.get(pageSize - 1))));
    }
}
