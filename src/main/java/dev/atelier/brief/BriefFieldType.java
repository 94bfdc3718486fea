package dev.atelier.brief;

import dev.atelier.metadata.FieldValidationException;
import java.util.Locale;

/** What a brief template field holds. */
public enum BriefFieldType {
    TEXT, LONG_TEXT, NUMBER, MONEY, DATE, MILESTONES, CHOICE, MULTI_CHOICE, CHANNELS, MARKETS, ASSETS, ATTACHMENTS, CHECKBOX;

    /** Channel and market pickers take their terms from a vocabulary of the taxonomy. */
    public boolean usesVocabulary() {
        return this == CHANNELS || this == MARKETS;
    }

    public boolean usesOptions() {
        return this == CHOICE || this == MULTI_CHOICE;
    }

    /** Asset links and attachments are assets of the library, linked to the brief. */
    public boolean holdsAssets() {
        return this == ASSETS || this == ATTACHMENTS;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return switch (this) {
            case TEXT -> "Text";
            case LONG_TEXT -> "Long text";
            case NUMBER -> "Number";
            case MONEY -> "Money";
            case DATE -> "Date";
            case MILESTONES -> "Milestone list";
            case CHOICE -> "Choice";
            case MULTI_CHOICE -> "Multiple choice";
            case CHANNELS -> "Channels (taxonomy)";
            case MARKETS -> "Markets (taxonomy)";
            case ASSETS -> "Asset links";
            case ATTACHMENTS -> "File attachments";
            case CHECKBOX -> "Checkbox";
        };
    }

    /** @throws FieldValidationException naming the allowed types */
    public static BriefFieldType fromSlug(String slug) {
        String wanted = slug.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (BriefFieldType t : values()) {
            if (t.slug().equals(wanted)) {
                return t;
            }
        }
        throw FieldValidationException.of("type", "'" + slug + "' is not a brief field type. Types: text, long-text, number, money, "
                + "date, milestones, choice, multi-choice, channels, markets, assets, attachments, checkbox.");
    }
}
