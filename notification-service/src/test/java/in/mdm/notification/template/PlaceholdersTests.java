package in.mdm.notification.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTests {

    @Test
    void findsEachPlaceholderOnceSortedAcrossTexts() {
        assertThat(Placeholders.in("[{{severity}}] {{title}}", "{{title}}\n{{message}} at {{scope}}, {{severity}}"))
            .containsExactly("message", "scope", "severity", "title");
    }

    @Test
    void ignoresNullTextsAndWhatIsNotAPlaceholder() {
        assertThat(Placeholders.in(null, "₹{{amount}} {single} {{ spaced }} {{1st}} {{}} {{releaseId}}"))
            .containsExactly("amount", "releaseId");
        assertThat(Placeholders.in("no placeholders here")).isEmpty();
    }

}
