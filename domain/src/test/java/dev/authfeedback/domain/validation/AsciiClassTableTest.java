package dev.authfeedback.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tables themselves, built afresh (the shapes' own are built once and cached). */
class AsciiClassTableTest {

    private static String admitted(boolean[] table) {
        StringBuilder admitted = new StringBuilder();
        for (char c = 0; c < table.length; c++) {
            if (table[c]) {
                admitted.append(c);
            }
        }
        return admitted.toString();
    }

    @Test
    void aClassAdmitsExactlyWhatItsRegexAdmits() {
        assertThat(AsciiClassTable.build("[b-d]+")).hasSize(128);
        assertThat(admitted(AsciiClassTable.build("[b-d]+"))).isEqualTo("bcd");
        assertThat(admitted(AsciiClassTable.build("[\\x00-\\x01~\\x7f]+"))).isEqualTo("\u0000\u0001~\u007f");
        assertThat(admitted(AsciiClassTable.build("[\\w-]+")))
                .isEqualTo("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
    }

    @Test
    void otherFormsAreNotAClass() {
        for (String regex : new String[] {"b-d]+", "[b-d]", "[b-d]*", "[[b]]+", "[b]c]+", "[b-d]+x", "[a]+_[b]+"}) {
            assertThat(AsciiClassTable.build(regex)).as(regex).isSameAs(AsciiClassTable.NOT_A_CLASS);
        }
    }

    @Test
    void twoClassesAreSplitAtTheirSeparator() {
        AsciiClassTable.TwoClasses parsed = AsciiClassTable.TwoClasses.parse("[a-c]+_[0-2]+");
        assertThat(admitted(parsed.first())).isEqualTo("abc");
        assertThat(parsed.separator()).isEqualTo('_');
        assertThat(admitted(parsed.second())).isEqualTo("012");
        assertThat(parsed.matches("ab_01")).isTrue();
        assertThat(parsed.matches("ab_0x")).isFalse();
        assertThat(parsed.matches("ab_\u0080")).isNull();
        assertThat(AsciiClassTable.TwoClasses.parse("[a-c]+")).isSameAs(AsciiClassTable.TwoClasses.NONE);
    }
}
