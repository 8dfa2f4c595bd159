package dev.authfeedback.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every enum of the service model is read back from exactly its wire strings, however often it is
 * read and in whatever order the types are, since the constants are read once and shared.
 */
class WireEnumTest {

    @Test
    void everyConstantOfEveryWireEnumIsFoundByItsWireValueAndNothingElse() throws Exception {
        List<Class<?>> types = wireEnums();
        assertThat(types).contains(FeedbackValue.class, EventType.class, RiskLevel.class).hasSizeGreaterThan(15);
        for (int round = 0; round < 3; round++) {
            for (Class<?> type : types) {
                assertFoundExactly(type);
            }
        }
    }

    @Test
    void aValueValidationAcceptedParsesAndOneItDidNotIsAnError() {
        assertThat(WireEnum.parseValidated(FeedbackValue.class, "Invalid")).isEqualTo(FeedbackValue.INVALID);
        assertThat(WireEnum.parseValidated(FeedbackValue.class, null)).isNull();
        assertThatThrownBy(() -> WireEnum.parseValidated(FeedbackValue.class, "Maybe"))
                .isInstanceOf(IllegalStateException.class).hasMessage("FeedbackValue has no value Maybe");
    }

    private static void assertFoundExactly(Class<?> type) {
        for (Object constant : type.getEnumConstants()) {
            String wire = ((WireEnum) constant).wireValue();
            assertThat(find(type, wire)).as(type.getSimpleName() + " " + wire).containsSame(constant);
            for (String other : List.of(wire + " ", " " + wire, wire.toUpperCase(Locale.ROOT), wire.toLowerCase(Locale.ROOT))) {
                if (!other.equals(wire)) {
                    assertThat(find(type, other)).as(type.getSimpleName() + " '" + other + "'")
                            .isEmpty();
                }
            }
        }
        assertThat(find(type, "")).isEmpty();
        assertThat(find(type, null)).isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Object> find(Class<?> type, String value) {
        return (Optional<Object>) WireEnum.fromWire((Class) type, value);
    }

    /** The enums of this package that stand for wire strings, found among its compiled classes. */
    private static List<Class<?>> wireEnums() throws URISyntaxException, ClassNotFoundException {
        File directory = new File(WireEnum.class.getResource("WireEnum.class").toURI()).getParentFile();
        List<Class<?>> types = new ArrayList<>();
        for (String name : directory.list()) {
            if (name.endsWith(".class") && !name.contains("$")) {
                Class<?> type = Class.forName(WireEnum.class.getPackageName() + "." + name.replace(".class", ""));
                if (type.isEnum() && WireEnum.class.isAssignableFrom(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
