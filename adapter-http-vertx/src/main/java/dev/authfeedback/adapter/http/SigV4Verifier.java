package dev.authfeedback.adapter.http;

import static dev.authfeedback.adapter.http.HttpFrameworkException.INCOMPLETE_SIGNATURE;
import static dev.authfeedback.adapter.http.HttpFrameworkException.INVALID_SIGNATURE;
import static dev.authfeedback.adapter.http.HttpFrameworkException.MISSING_AUTHENTICATION_TOKEN;
import static dev.authfeedback.adapter.http.HttpFrameworkException.UNRECOGNIZED_CLIENT;
import static dev.authfeedback.adapter.http.HttpFrameworkException.badRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 (header form) against the credentials the server is configured
 * with: exactly the headers SignedHeaders lists, the body hashed here (botocore sends no
 * x-amz-content-sha256), service {@code cognito-idp}, the server's region, X-Amz-Date within
 * ±15 minutes, and a constant-time comparison. Messages are AWS's.
 */
final class SigV4Verifier {

    static final String SERVICE = "cognito-idp";
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final long MAX_SKEW_MILLIS = MAX_SKEW.toMillis();
    static final String MISMATCH_MESSAGE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";
    static final String UNRECOGNIZED_MESSAGE = "The security token included in the request is invalid.";

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    // getInstance looks the algorithm up in the providers on every call: one of each per thread
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(SigV4Verifier::newMac);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Map<String, String> secretsByAccessKey;
    private final String region;
    private final Clock clock;
    /** Signing keys per access key and scope date: at most a few live dates per key, thanks to the skew check. */
    private final ConcurrentHashMap<String, byte[]> signingKeys = new ConcurrentHashMap<>();

    SigV4Verifier(Map<String, String> secretsByAccessKey, String region, Clock clock) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.region = region;
        this.clock = clock;
    }

    /** A request's headers as the verifier reads them. */
    interface Headers {
        /** The first value of the header named (in lower case, matched in any case), or null. */
        String first(String name);

        /** Each header in the order received: its name as sent and its value. */
        void forEach(BiConsumer<String, String> action);
    }

    /** Throws {@link HttpFrameworkException} unless the request is signed by a configured key. */
    void verify(String method, String path, String query, Headers headers, byte[] body) {
        String authorizationHeader = headers.first("authorization");
        if (authorizationHeader == null) {
            throw badRequest(MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
        }
        Scratch scratch = SCRATCH.get();
        Authorization authorization = scratch.authorization(authorizationHeader);
        String amzDate = headers.first("x-amz-date");
        if (amzDate == null) {
            throw badRequest(INCOMPLETE_SIGNATURE,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        long signedAt = scratch.signedAtMillis(amzDate);
        String secret = secretsByAccessKey.get(authorization.accessKeyId());
        if (secret == null) {
            throw badRequest(UNRECOGNIZED_CLIENT, UNRECOGNIZED_MESSAGE);
        }
        if (!authorization.service().equals(SERVICE)) {
            throw badRequest(INVALID_SIGNATURE, "Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        if (!authorization.region().equals(region)) {
            throw badRequest(INVALID_SIGNATURE, "Credential should be scoped to a valid region. ");
        }
        if (authorization.date().length() != 8 || !amzDate.startsWith(authorization.date())) {
            throw badRequest(INVALID_SIGNATURE, "Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + authorization.date() + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.");
        }
        long now = clock.millis();
        if (signedAt < now - MAX_SKEW_MILLIS) {
            Instant at = Instant.ofEpochMilli(now);
            throw badRequest(INVALID_SIGNATURE, "Signature expired: " + amzDate + " is now earlier than "
                    + basic(at.minus(MAX_SKEW)) + " (" + basic(at) + " - 15 min.)");
        }
        if (signedAt > now + MAX_SKEW_MILLIS) {
            Instant at = Instant.ofEpochMilli(now);
            throw badRequest(INVALID_SIGNATURE, "Signature not yet current: " + amzDate + " is still later than "
                    + basic(at.plus(MAX_SKEW)) + " (" + basic(at) + " + 15 min.)");
        }
        if (!authorization.signedHeaders().names().contains("host")) {
            throw badRequest(INCOMPLETE_SIGNATURE, "'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                    + "Authorization.");
        }
        // written as bytes into one per-thread buffer: the text SigV4 hashes, never a String of it
        Text text = scratch.text.clear().append(method).append('\n').append(path.isEmpty() ? "/" : path).append('\n')
                .append(canonicalQuery(query)).append('\n');
        appendCanonicalHeaders(text, authorization.signedHeaders().names(), headers, scratch.signedValues);
        text.append('\n').append(authorization.signedHeaders().joined()).append('\n')
                .appendHex(scratch.sha256(body, 0, body.length));
        byte[] canonicalRequestHash = scratch.sha256(text.bytes, 0, text.length);
        text.clear().append(ALGORITHM).append('\n').append(amzDate).append('\n').append(authorization.scope())
                .append('\n').appendHex(canonicalRequestHash);
        byte[] key = scratch.keptKey(this, authorization.accessKeyId(), authorization.date());
        if (key == null) {
            key = signingKeyShared(secret, authorization.accessKeyId(), authorization.date());
            scratch.keep(this, authorization.accessKeyId(), authorization.date(), key);
        }
        if (!scratch.signatureMatches(key, text, authorization.signature())) {
            throw badRequest(INVALID_SIGNATURE, MISMATCH_MESSAGE);
        }
    }

    /** From the keys all threads share; derived (four HMACs) once per access key and scope date. */
    private byte[] signingKeyShared(String secret, String accessKeyId, String date) {
        if (signingKeys.size() > 4 * secretsByAccessKey.size()) {
            signingKeys.clear(); // only dates within the skew window are ever used again
        }
        return signingKeys.computeIfAbsent(accessKeyId + '/' + date, k -> signingKey(secret, date));
    }

    private byte[] signingKey(String secret, String date) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, SERVICE);
        return hmac(key, "aws4_request");
    }

    /**
     * Each signed header as {@code name:value}, the values of a header sent more than once joined by
     * commas in the order received. The headers are read in one pass (a lookup per signed name made
     * a list each).
     */
    private static void appendCanonicalHeaders(Text canonical, List<String> signedHeaders, Headers headers,
                                               SignedValues values) {
        headers.forEach(values.gatheringFor(signedHeaders));
        for (int n = 0; n < signedHeaders.size(); n++) {
            String name = signedHeaders.get(n);
            canonical.append(name).append(':');
            boolean first = true;
            for (int i = 0; i < values.count; i++) {
                if (signedHeaders.get(values.nameIndexes[i]).equals(name)) {
                    if (!first) {
                        canonical.append(',');
                    }
                    canonical.appendHeaderValue(values.values[i]);
                    first = false;
                }
            }
            canonical.append('\n');
        }
        values.clear();
    }

    /** The values of the signed headers, gathered in one pass over a request's headers; one per thread. */
    static final class SignedValues implements BiConsumer<String, String> {
        private List<String> names = List.of();
        String[] values = new String[16];
        /** For each value, the index of its name in {@link #names}. */
        int[] nameIndexes = new int[16];
        int count;

        SignedValues gatheringFor(List<String> signedNames) {
            names = signedNames;
            count = 0;
            return this;
        }

        @Override
        public void accept(String name, String value) {
            for (int n = 0; n < names.size(); n++) {
                if (equalsAsciiIgnoringCase(names.get(n), name, 0, name.length())) {
                    if (count == values.length) {
                        values = Arrays.copyOf(values, 2 * count);
                        nameIndexes = Arrays.copyOf(nameIndexes, 2 * count);
                    }
                    values[count] = value;
                    nameIndexes[count++] = n;
                    return;
                }
            }
        }

        /** Lets go of the request's values, which a thread's scratch would otherwise keep alive. */
        void clear() {
            Arrays.fill(values, 0, count, null);
            count = 0;
        }
    }

    /**
     * Whether {@code text} from {@code from} to {@code to} is {@code lowerCase} (in lower case) but for
     * the case of ASCII letters, as HTTP compares header names and media types.
     */
    static boolean equalsAsciiIgnoringCase(String lowerCase, String text, int from, int to) {
        if (lowerCase.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char expected = lowerCase.charAt(i - from);
            char c = text.charAt(i);
            if (c != expected && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == expected)) {
                return false;
            }
        }
        return true;
    }

    /** Trimmed, runs of whitespace as one space, as SigV4 canonicalizes header values. */
    static String collapseWhitespace(String value) {
        String trimmed = value.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (space && (c != ' ' || trimmed.charAt(i + 1) == ' ' || Character.isWhitespace(trimmed.charAt(i + 1)))) {
                return WHITESPACE.matcher(trimmed).replaceAll(" "); // rare: only then is a regex worth it
            }
        }
        return trimmed;
    }

    private static String canonicalQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(new String[] {uriEncode(urlDecode(name)), uriEncode(urlDecode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> encoded = new ArrayList<>();
        for (String[] pair : pairs) {
            encoded.add(pair[0] + '=' + pair[1]);
        }
        return String.join("&", encoded);
    }

    private static String urlDecode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX. */
    private static String uriEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    /** {@code 20260301T120000Z}; by hand, as the formatter's generality costs more than the rest of the check. */
    static Instant parseBasicFormat(String amzDate) {
        if (amzDate.length() == 16 && amzDate.charAt(8) == 'T' && amzDate.charAt(15) == 'Z') {
            try {
                return LocalDateTime.of(digits(amzDate, 0, 4), digits(amzDate, 4, 6), digits(amzDate, 6, 8),
                        digits(amzDate, 9, 11), digits(amzDate, 11, 13), digits(amzDate, 13, 15))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException | NumberFormatException notADate) {
                // reported below
            }
        }
        throw badRequest(INCOMPLETE_SIGNATURE,
                "X-Amz-Date must be in the ISO-8601 'basic format'. Got '" + amzDate + "'.");
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String basic(Instant instant) {
        return BASIC.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        init(mac, key);
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static void init(Mac mac, byte[] key) {
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 refused a key", e);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HMAC-SHA256", e);
        }
    }

    /**
     * What one thread verifies with, kept between requests: the digest, the MAC with the last signing
     * key (initializing a MAC hashes its key pads, and nearly every request is signed with the same
     * key: one per access key and day), that key, and the buffers the texts and hashes are written to.
     */
    private static final class Scratch {
        private final MessageDigest sha256 = newDigest();
        private final Mac mac = newMac();
        private final byte[] hash = new byte[32];
        private final byte[] signatureHex = new byte[64];
        final Text text = new Text();
        final SignedValues signedValues = new SignedValues();
        private byte[] macKey;
        // the last signing key used on this thread, and whose: another verifier's secret may differ
        private SigV4Verifier keyOwner;
        private String keyAccessKeyId;
        private String keyDate;
        private byte[] key;
        // the last Authorization header and X-Amz-Date read on this thread: a client's next request
        // differs from its last one in the signature alone, and shares its date within a second
        private Authorization lastAuthorization;
        private String lastAmzDate;
        private long lastSignedAt;

        Authorization authorization(String header) {
            Authorization last = lastAuthorization;
            Authorization parsed = last != null ? last.withSignatureOf(header) : null;
            if (parsed == null) {
                parsed = Authorization.parse(header);
                lastAuthorization = parsed;
            }
            return parsed;
        }

        /** X-Amz-Date as epoch milliseconds. */
        long signedAtMillis(String amzDate) {
            if (!amzDate.equals(lastAmzDate)) {
                lastSignedAt = parseBasicFormat(amzDate).toEpochMilli();
                lastAmzDate = amzDate;
            }
            return lastSignedAt;
        }

        /** The hash, in a buffer of this scratch that the next hash overwrites. */
        byte[] sha256(byte[] data, int from, int length) {
            sha256.update(data, from, length);
            try {
                sha256.digest(hash, 0, hash.length);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 refused its own length", e);
            }
            return hash;
        }

        /** The signing key kept for this verifier, access key and date, or null. */
        byte[] keptKey(SigV4Verifier owner, String accessKeyId, String date) {
            return owner == keyOwner && accessKeyId.equals(keyAccessKeyId) && date.equals(keyDate) ? key : null;
        }

        void keep(SigV4Verifier owner, String accessKeyId, String date, byte[] signingKey) {
            keyOwner = owner;
            keyAccessKeyId = accessKeyId;
            keyDate = date;
            key = signingKey;
        }

        /** Whether {@code signature} is the lower-case hex HMAC of the string to sign; in constant time. */
        boolean signatureMatches(byte[] signingKey, Text stringToSign, String signature) {
            if (signingKey != macKey) {
                init(mac, signingKey);
                macKey = signingKey;
            }
            mac.update(stringToSign.bytes, 0, stringToSign.length);
            try {
                mac.doFinal(hash, 0); // doFinal leaves the MAC ready for the same key
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 refused its own length", e);
            }
            hex(hash, signatureHex, 0);
            int difference = signature.length() ^ signatureHex.length;
            for (int i = 0; i < signatureHex.length; i++) {
                difference |= signatureHex[i] ^ (i < signature.length() ? signature.charAt(i) : 0);
            }
            return difference == 0;
        }
    }

    /** A growing byte buffer that the request's text is appended to, one byte per char. */
    static final class Text {
        byte[] bytes = new byte[512];
        int length;

        Text clear() {
            length = 0;
            return this;
        }

        Text append(char ascii) {
            room(1);
            bytes[length++] = (byte) ascii;
            return this;
        }

        Text append(String value) {
            // the bytes as they came: HTTP/1 headers are read one byte to one char (ISO-8859-1), so a
            // client's UTF-8 is hashed as the client signed it (a char past one byte, which no header
            // read off the wire holds, becomes '?' as ISO-8859-1 encodes it)
            int count = value.length();
            room(count);
            for (int i = 0; i < count; i++) {
                char c = value.charAt(i);
                bytes[length + i] = c <= 0xff ? (byte) c : (byte) '?';
            }
            length += count;
            return this;
        }

        /**
         * A header value as SigV4 canonicalizes it ({@link #collapseWhitespace}); written as it is
         * read when it holds no whitespace but single inner spaces, as nearly every value does.
         */
        Text appendHeaderValue(String value) {
            int count = value.length();
            room(count);
            for (int i = 0; i < count; i++) {
                char c = value.charAt(i);
                // every whitespace character Java knows below 0x100 is at or below ' '
                boolean plain = c > ' ' ? c <= 0xff
                        : c == ' ' && i > 0 && i < count - 1 && value.charAt(i + 1) != ' ';
                if (!plain) {
                    return append(collapseWhitespace(value));
                }
                bytes[length + i] = (byte) c;
            }
            length += count;
            return this;
        }

        Text appendHex(byte[] hash) {
            room(2 * hash.length);
            hex(hash, bytes, length);
            length += 2 * hash.length;
            return this;
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }
    }

    /** Lower-case hex of {@code data} into {@code out} from {@code at}. */
    private static void hex(byte[] data, byte[] out, int at) {
        for (int i = 0; i < data.length; i++) {
            out[at + 2 * i] = HEX_DIGITS[(data[i] >> 4) & 0xf];
            out[at + 2 * i + 1] = HEX_DIGITS[data[i] & 0xf];
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header. */
    private static final ConcurrentHashMap<String, SignedHeaders> SIGNED_HEADER_SETS = new ConcurrentHashMap<>();

    /** A SignedHeaders parameter: the names, lower-cased, and as the canonical request lists them. */
    record SignedHeaders(List<String> names, String joined) {
    }

    /**
     * {@code scope} is the credential after the access key: date/region/service/aws4_request.
     * {@code beforeSignature} is the header up to its signature when the signature is its last
     * parameter and all lower-case hex up to the end, else null.
     */
    record Authorization(String accessKeyId, String date, String region, String service, String scope,
                         SignedHeaders signedHeaders, String signature, String beforeSignature) {

        /**
         * This header's parse with another header's signature, when that header is this one but for a
         * signature of the same length: what parsing it would answer, without the parsing. Else null.
         */
        Authorization withSignatureOf(String other) {
            if (beforeSignature == null) {
                return null;
            }
            int signatureAt = beforeSignature.length();
            // a copy and equals (vectorized) compare the long prefix faster than regionMatches' loop
            if (other.length() != signatureAt + signature.length() || !lowerHexFrom(other, signatureAt)
                    || !other.substring(0, signatureAt).equals(beforeSignature)) {
                return null;
            }
            return new Authorization(accessKeyId, date, region, service, scope, signedHeaders,
                    other.substring(signatureAt), beforeSignature);
        }

        private static boolean lowerHexFrom(String text, int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                    return false;
                }
            }
            return from < text.length();
        }

        static Authorization parse(String header) {
            String trimmed = header.strip();
            if (!trimmed.startsWith(ALGORITHM + ' ')) {
                throw badRequest(INCOMPLETE_SIGNATURE, "Authorization header requires '" + ALGORITHM
                        + "' as its algorithm.");
            }
            // by hand rather than split and map: this runs for every signed request
            String credential = null;
            String signature = null;
            String signedHeaders = null;
            String beforeSignature = null;
            int from = ALGORITHM.length();
            while (from <= trimmed.length()) {
                int comma = trimmed.indexOf(',', from);
                int end = comma < 0 ? trimmed.length() : comma;
                int equals = trimmed.indexOf('=', from);
                if (equals > from && equals < end) {
                    String name = trimmed.substring(from, equals).strip();
                    String value = trimmed.substring(equals + 1, end).strip();
                    switch (name) {
                        case "Credential" -> credential = value;
                        case "Signature" -> {
                            signature = value;
                            boolean lastAndBare = comma < 0 && trimmed.length() == header.length()
                                    && lowerHexFrom(trimmed, equals + 1);
                            beforeSignature = lastAndBare ? trimmed.substring(0, equals + 1) : null;
                        }
                        case "SignedHeaders" -> signedHeaders = value;
                        default -> { } // other parameters are not SigV4's; ignored as before
                    }
                }
                from = end + 1;
            }
            String missing = requirement("Credential", credential) + requirement("Signature", signature)
                    + requirement("SignedHeaders", signedHeaders);
            if (!missing.isEmpty()) {
                throw badRequest(INCOMPLETE_SIGNATURE, missing.strip());
            }
            String[] scope = scope(credential);
            if (scope == null || !scope[4].equals("aws4_request")) {
                throw badRequest(INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited elements, "
                        + "e.g. keyid/date/region/service/term, got '" + credential + "'");
            }
            return new Authorization(scope[0], scope[1], scope[2], scope[3],
                    credential.substring(scope[0].length() + 1), signedHeaderNames(signedHeaders), signature,
                    beforeSignature);
        }

        /** The five slash-separated parts of a credential, or null when there are not five. */
        private static String[] scope(String credential) {
            String[] parts = new String[5];
            int from = 0;
            for (int i = 0; i < 4; i++) {
                int slash = credential.indexOf('/', from);
                if (slash < 0) {
                    return null;
                }
                parts[i] = credential.substring(from, slash);
                from = slash + 1;
            }
            if (credential.indexOf('/', from) >= 0) {
                return null;
            }
            parts[4] = credential.substring(from);
            return parts;
        }

        /** Clients sign the same few header sets again and again: each is split and lower-cased once. */
        private static SignedHeaders signedHeaderNames(String signedHeaders) {
            SignedHeaders names = SIGNED_HEADER_SETS.get(signedHeaders);
            if (names == null) {
                List<String> split = List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
                names = new SignedHeaders(split, String.join(";", split));
                if (SIGNED_HEADER_SETS.size() >= 64) {
                    SIGNED_HEADER_SETS.clear(); // a caller inventing sets costs itself the splitting, nothing more
                }
                SIGNED_HEADER_SETS.put(signedHeaders, names);
            }
            return names;
        }

        private static String requirement(String name, String value) {
            return value == null || value.isEmpty() ? "Authorization header requires '" + name + "' parameter. " : "";
        }
    }
}
