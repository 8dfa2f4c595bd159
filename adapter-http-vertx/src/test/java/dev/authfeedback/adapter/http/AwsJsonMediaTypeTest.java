package dev.authfeedback.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AwsJsonMediaTypeTest {

    /** The media type as the check once read it: split at ';', stripped, lower-cased, compared. */
    private static boolean splitStrippedAndLowerCased(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/x-amz-json-1.1") || mediaType.equals("application/x-amz-json-1.0");
    }

    @Test
    void theMediaTypeIsReadInPlaceAsSplittingStrippingAndLowerCasingWouldReadIt() {
        // pieces around the edges: both types in any case, parameters, whitespace of every kind,
        // characters whose case mappings reach ASCII (dotless i, capital I with dot, Kelvin sign)
        List<String> pieces = List.of("application/x-amz-json-1.1", "APPLICATION/X-AMZ-JSON-1.0",
                "Application/X-Amz-Json-1.1", "application/x-amz-json-1.", "1", "0", "application/json", ";",
                "; charset=utf-8", " ", "\t", "\u000b", "\u001f", "\u0085", "\u00a0", "\u2003", "\u3000",
                "appl\u0131cation/x-amz-json-1.1", "appl\u0130cation/x-amz-json-1.1", "\u212a", "x");
        qt().forAll(lists().of(integers().between(0, pieces.size() - 1)).ofSizeBetween(0, 5))
                .checkAssert(indexes -> {
                    String contentType = indexes.stream().map(pieces::get).collect(Collectors.joining());
                    assertThat(AwsJsonHttpServer.isAwsJsonMediaType(contentType))
                            .as("Content-Type %s", contentType.chars().mapToObj(Integer::toHexString).toList())
                            .isEqualTo(splitStrippedAndLowerCased(contentType));
                });
    }

    @Test
    void eitherTypeWithParametersAndSurroundingSpaceIsAccepted() {
        assertThat(AwsJsonHttpServer.isAwsJsonMediaType(" Application/X-Amz-Json-1.1 ; charset=UTF-8")).isTrue();
        assertThat(AwsJsonHttpServer.isAwsJsonMediaType("application/x-amz-json-1.0")).isTrue();
        assertThat(AwsJsonHttpServer.isAwsJsonMediaType("application/json")).isFalse();
        assertThat(AwsJsonHttpServer.isAwsJsonMediaType(null)).isFalse();
    }
}
