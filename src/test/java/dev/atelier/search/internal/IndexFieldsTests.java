package dev.atelier.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.metadata.FieldDefinition;
import org.junit.jupiter.api.Test;

class IndexFieldsTests {

    @Test
    void noCustomFieldMayTakeTheNameOfABuiltInOne() {
        assertThat(FieldDefinition.RESERVED).containsAll(IndexFields.QUERYABLE.keySet()).containsAll(IndexFields.FACETS);
    }
}
