package dev.authfeedback.domain.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void eachOfTheFiveCharactersBecomesItsReferenceWhereverItStands() {
        assertThat(HtmlText.escape("&")).isEqualTo("&amp;");
        assertThat(HtmlText.escape("a<b")).isEqualTo("a&lt;b");
        assertThat(HtmlText.escape("b>")).isEqualTo("b&gt;");
        assertThat(HtmlText.escape("\"q\"")).isEqualTo("&quot;q&quot;");
        assertThat(HtmlText.escape("it's")).isEqualTo("it&#39;s");
        assertThat(HtmlText.escape("<a href='x'>&</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void plainTextIsAnsweredAsItIs() {
        String plain = "Recife, Brazil — Chrome 119";
        assertThat(HtmlText.escape(plain)).isSameAs(plain);
        assertThat(HtmlText.escape("")).isEmpty();
    }
}
