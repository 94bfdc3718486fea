package dev.atelier.metadata;

import java.util.Locale;

/** What a custom field holds. Choice, term, boolean and user fields are also search facets. */
public enum FieldType {
    TEXT, LONG_TEXT, NUMBER, DATE, BOOLEAN, CHOICE, MULTI_CHOICE, TERM, USER, URL;

    /** Multi-choice and taxonomy-term fields hold several values; the others one. */
    public boolean multiple() {
        return this == MULTI_CHOICE || this == TERM;
    }

    /** Whether the library counts the field's values as a facet. */
    public boolean facet() {
        return this == CHOICE || this == MULTI_CHOICE || this == TERM || this == BOOLEAN || this == USER;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws FieldValidationException naming the allowed types */
    public static FieldType fromSlug(String slug) {
        for (FieldType t : values()) {
            if (t.slug().equals(slug.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return t;
            }
        }
        throw FieldValidationException.of("type", "'" + slug + "' is not a field type. Types: text, long-text, number, date, boolean, "
                + "choice, multi-choice, term, user, url.");
    }
}
