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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

    /** The Authorization header for {@code body}, signed as SigV4 prescribes (independently of the verifier). */
    private static String sign(String secret, byte[] body) throws Exception {
        HexFormat hex = HexFormat.of();
        String canonicalRequest = "POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:localhost\nx-amz-date:"
                + DATE + "\n\ncontent-type;host;x-amz-date\n"
                + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        String scope = "20261125/eu-west-1/cognito-idp/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + DATE + "\n" + scope + "\n" + hex.formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of("20261125", "eu-west-1", "cognito-idp", "aws4_request")) {
            key = hmac(key, part);
        }
        return "AWS4-HMAC-SHA256 Credential=AKIDSHARED/" + scope + ", SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=" + hex.formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static SigV4Verifier.Headers headers(String authorization) {
        Map<String, List<String>> headers = Map.of("authorization", List.of(authorization),
                "content-type", List.of("application/x-amz-json-1.1"), "host", List.of("localhost"),
                "x-amz-date", List.of(DATE));
        return name -> headers.getOrDefault(name, List.of());
    }
}
