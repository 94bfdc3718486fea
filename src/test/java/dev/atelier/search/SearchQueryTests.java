package dev.atelier.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.search.SearchQuery.All;
import dev.atelier.search.SearchQuery.Any;
import dev.atelier.search.SearchQuery.Comparison;
import dev.atelier.search.SearchQuery.Field;
import dev.atelier.search.SearchQuery.Not;
import dev.atelier.search.SearchQuery.Phrase;
import dev.atelier.search.SearchQuery.Words;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTests {

    @Test
    void wordsAreAndedAndOrBindsLooser() {
        assertThat(SearchQuery.parse("red car OR blue -draft")).isEqualTo(new Any(List.of(
                new All(List.of(new Words("red", false), new Words("car", false))),
                new All(List.of(new Words("blue", false), new Not(new Words("draft", false)))))));
    }

    @Test
    void readsPhrasesGroupsPrefixesAndExplicitOperators() {
        assertThat(SearchQuery.parse("\"spring hero\" AND (logo OR icon*) NOT old")).isEqualTo(new All(List.of(
                new Phrase("spring hero"),
                new Any(List.of(new Words("logo", false), new Words("icon", true))),
                new Not(new Words("old", false)))));
    }

    @Test
    void readsFieldsWithComparisonsRangesAndQuotedValues() {
        assertThat(SearchQuery.parse("type:video created:>=2026-01-01 size:<10MB created:2026-01..2026-03 title:\"spring hero\""))
                .isEqualTo(new All(List.of(
                        new Field("type", Comparison.EQUALS, "video", ""),
                        new Field("created", Comparison.AT_LEAST, "2026-01-01", ""),
                        new Field("size", Comparison.LESS, "10MB", ""),
                        new Field("created", Comparison.BETWEEN, "2026-01", "2026-03"),
                        new Field("title", Comparison.EQUALS, "spring hero", ""))));
    }

    @Test
    void aColonAfterSomethingThatIsNotAFieldNameStaysText() {
        assertThat(SearchQuery.parse("12:30")).isEqualTo(new Words("12:30", false));
        assertThat(SearchQuery.parse("  ")).isEqualTo(new SearchQuery.Everything());
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertThatThrownBy(() -> SearchQuery.parse("(red OR blue")).isInstanceOf(InvalidQueryException.class)
                .hasMessage("This '(' is never closed at position 1 of the query.");
        assertThatThrownBy(() -> SearchQuery.parse("logo \"spring")).hasMessage("This quote is never closed at position 6 of the query.");
        assertThatThrownBy(() -> SearchQuery.parse("red)")).hasMessage("Unexpected ')' at position 4 of the query.");
        assertThatThrownBy(() -> SearchQuery.parse("type: video")).hasMessageStartingWith("'type:' needs a value after the colon");
        assertThatThrownBy(() -> SearchQuery.parse("a OR")).hasMessageStartingWith("A search term is missing");
        assertThatThrownBy(() -> SearchQuery.parse("(".repeat(30) + "a" + ")".repeat(30))).hasMessageStartingWith("Parentheses nest at most 20 deep");
    }
}
