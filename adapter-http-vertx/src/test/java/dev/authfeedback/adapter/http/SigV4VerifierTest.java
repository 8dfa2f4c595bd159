package dev.authfeedback.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * What a thread keeps between requests: the last signing key it verified with (two verifiers, two
 * servers in one Vert.x, with the same access key and different secrets each check against their own
 * secret on one thread) and the last Authorization header it read (the next one is read as parsing it
 * would read it).
 */
class SigV4VerifierTest {

    private static final String DATE = "20261125T101500Z";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:15:00Z"), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiersSharingAThreadAndAnAccessKeyEachUseTheirOwnSecret() throws Exception {
        SigV4Verifier first = new SigV4Verifier(Map.of("AKIDSHARED", "first-secret"), "eu-west-1", CLOCK);
        SigV4Verifier second = new SigV4Verifier(Map.of("AKIDSHARED", "second-secret"), "eu-west-1", CLOCK);
        SigV4Verifier.Headers signedWithFirst = headers(sign("first-secret"));
        SigV4Verifier.Headers signedWithSecond = headers(sign("second-secret"));
        for (int round = 0; round < 2; round++) {
            first.verify("POST", "/", null, signedWithFirst, BODY);
            assertThatThrownBy(() -> second.verify("POST", "/", null, signedWithFirst, BODY))
                    .isInstanceOf(HttpFrameworkException.class).hasMessage(SigV4Verifier.MISMATCH_MESSAGE);
            second.verify("POST", "/", null, signedWithSecond, BODY);
            assertThatThrownBy(() -> first.verify("POST", "/", null, signedWithSecond, BODY))
                    .isInstanceOf(HttpFrameworkException.class).hasMessage(SigV4Verifier.MISMATCH_MESSAGE);
        }
        assertThat(signedWithFirst.first("authorization")).isNotEqualTo(signedWithSecond.first("authorization"));
    }

    @Test
    void aHeaderLikeTheLastOneButForItsSignatureIsReadAsParsingWouldReadIt() throws Exception {
        SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDSHARED", "first-secret"), "eu-west-1", CLOCK);
        byte[] otherBody = "{\"MaxResults\":2}".getBytes(StandardCharsets.UTF_8);
        String signed = sign("first-secret", BODY);
        String signedOther = sign("first-secret", otherBody);
        verifier.verify("POST", "/", null, headers(signed), BODY);
        verifier.verify("POST", "/", null, headers(signedOther), otherBody);
        assertThatThrownBy(() -> verifier.verify("POST", "/", null, headers(signed), otherBody))
                .isInstanceOf(HttpFrameworkException.class).hasMessage(SigV4Verifier.MISMATCH_MESSAGE);
        // the same length and signature, another access key: refused as unknown, not checked as the last one
        assertThatThrownBy(() -> verifier.verify("POST", "/", null,
                headers(signed.replace("AKIDSHARED", "AKIDOTHERS")), BODY))
                .isInstanceOf(HttpFrameworkException.class).hasMessage(SigV4Verifier.UNRECOGNIZED_MESSAGE);
        verifier.verify("POST", "/", null, headers(signed), BODY);
        // the signature's last characters taken by another parameter: the parameter counts, as parsed
        String withParameter = signed.substring(0, signed.length() - 12) + ", Foo=bar123";
        assertThat(withParameter).hasSameSizeAs(signed);
        assertThatThrownBy(() -> verifier.verify("POST", "/", null, headers(withParameter), BODY))
                .isInstanceOf(HttpFrameworkException.class).hasMessage(SigV4Verifier.MISMATCH_MESSAGE);
        verifier.verify("POST", "/", null, headers(signed), BODY);
    }

    /**
     * Header names match in any case, and a header sent twice is signed as its values joined by a
     * comma in the order received.
     */
    @Test
    void signedHeadersAreReadAsTheCanonicalRequestListsThem() throws Exception {
        SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDSHARED", "first-secret"), "eu-west-1", CLOCK);
        String authorization = sign("first-secret", BODY, "content-type:application/x-amz-json-1.1\nhost:localhost\n"
                + "x-amz-date:" + DATE + "\nx-amz-meta-trail:first,second\n", "content-type;host;x-amz-date;x-amz-meta-trail");
        Map.Entry<String, String> first = Map.entry("x-amz-meta-trail", "first");
        Map.Entry<String, String> second = Map.entry("X-AMZ-META-TRAIL", "second");
        List<Map.Entry<String, String>> sent = List.of(Map.entry("AUTHORIZATION", authorization), first,
                Map.entry("content-TYPE", "application/x-amz-json-1.1"), Map.entry("X-Amz-Date", DATE), second,
                Map.entry("HOST", "localhost"));
        verifier.verify("POST", "/", null, headers(sent), BODY);
        List<Map.Entry<String, String>> swapped = new ArrayList<>(sent);
        Collections.swap(swapped, 1, 4);
        List<Map.Entry<String, String>> withoutSecond = new ArrayList<>(sent);
        withoutSecond.remove(second);
        for (SigV4Verifier.Headers altered : List.of(headers(swapped), headers(withoutSecond))) {
            assertThatThrownBy(() -> verifier.verify("POST", "/", null, altered, BODY))
                    .isInstanceOf(HttpFrameworkException.class).hasMessage(SigV4Verifier.MISMATCH_MESSAGE);
        }
    }

    /** The fast path for plain header values writes what trimming and collapsing whitespace would. */
    @Test
    void aHeaderValueIsWrittenAsItsCollapsedForm() {
        // characters around the edges of the fast path: whitespace of every kind, spaces, Latin-1, beyond
        String alphabet = " \t\n\u000b\f\r\u001c\u001fa~\u0085\u00a0\u00ff\u0100\u2003\u3000";
        qt().forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 12))
                .checkAssert(indexes -> {
                    String value = indexes.stream().map(i -> String.valueOf(alphabet.charAt(i)))
                            .collect(Collectors.joining());
                    SigV4Verifier.Text fast = new SigV4Verifier.Text().appendHeaderValue(value);
                    SigV4Verifier.Text collapsed = new SigV4Verifier.Text()
                            .append(SigV4Verifier.collapseWhitespace(value));
                    assertThat(java.util.Arrays.copyOf(fast.bytes, fast.length))
                            .as("value %s", value.chars().mapToObj(Integer::toHexString).toList())
                            .isEqualTo(java.util.Arrays.copyOf(collapsed.bytes, collapsed.length));
                });
    }

    private static String sign(String secret) throws Exception {
        return sign(secret, BODY);
    }

    private static String sign(String secret, byte[] body) throws Exception {
        return sign(secret, body, "content-type:application/x-amz-json-1.1\nhost:localhost\nx-amz-date:" + DATE + "\n",
                "content-type;host;x-amz-date");
    }

    /**
     * The Authorization header for {@code body} and the canonical headers given, signed as SigV4
     * prescribes (independently of the verifier).
     */
    private static String sign(String secret, byte[] body, String canonicalHeaders, String signedHeaders)
            throws Exception {
        HexFormat hex = HexFormat.of();
        String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        String scope = "20261125/eu-west-1/cognito-idp/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + DATE + "\n" + scope + "\n" + hex.formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of("20261125", "eu-west-1", "cognito-idp", "aws4_request")) {
            key = hmac(key, part);
        }
        return "AWS4-HMAC-SHA256 Credential=AKIDSHARED/" + scope + ", SignedHeaders=" + signedHeaders + ", "
                + "Signature=" + hex.formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static SigV4Verifier.Headers headers(String authorization) {
        return headers(List.of(Map.entry("Authorization", authorization),
                Map.entry("Content-Type", "application/x-amz-json-1.1"), Map.entry("Host", "localhost"),
                Map.entry("X-Amz-Date", DATE)));
    }

    /** Headers as sent, in order. */
    private static SigV4Verifier.Headers headers(List<Map.Entry<String, String>> sent) {
        return new SigV4Verifier.Headers() {
            @Override
            public String first(String name) {
                return sent.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }

            @Override
            public void forEach(BiConsumer<String, String> action) {
                sent.forEach(header -> action.accept(header.getKey(), header.getValue()));
            }
        };
    }
}
