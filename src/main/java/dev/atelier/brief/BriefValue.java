package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The value of one template field of a brief. {@link #json()} is its API and storage form: what
 * {@link BriefValues#parse} reads back.
 */
public sealed interface BriefValue {

    /** A JSON tree of strings, booleans, lists and maps. */
    Object json();

    /** Whether a required field counts as unfilled. */
    boolean empty();

    record Text(String text) implements BriefValue {
        public Object json() {
            return text;
        }

        public boolean empty() {
            return text.isBlank();
        }
    }

    record Number(BigDecimal number) implements BriefValue {
        public Object json() {
            return number.toPlainString();
        }

        public boolean empty() {
            return false;
        }
    }

    /** @param currency an ISO 4217 code */
    record Money(BigDecimal amount, String currency) implements BriefValue {
        public Object json() {
            return Map.of("amount", amount.toPlainString(), "currency", currency);
        }

        public boolean empty() {
            return false;
        }

        public String display() {
            return amount.toPlainString() + " " + currency;
        }
    }

    record Date(LocalDate date) implements BriefValue {
        public Object json() {
            return date.toString();
        }

        public boolean empty() {
            return false;
        }
    }

    record Milestones(List<Milestone> milestones) implements BriefValue {
        public Milestones {
            milestones = List.copyOf(milestones);
        }

        public Object json() {
            return milestones.stream().map(m -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", m.name());
                o.put("due", m.due().toString());
                return o;
            }).toList();
        }

        public boolean empty() {
            return milestones.isEmpty();
        }
    }

    /** One or several of a choice field's options. */
    record Choices(List<String> chosen) implements BriefValue {
        public Choices {
            chosen = List.copyOf(chosen);
        }

        public Object json() {
            return chosen;
        }

        public boolean empty() {
            return chosen.isEmpty();
        }
    }

    /** Taxonomy terms (channels, markets). */
    record Terms(List<UUID> terms) implements BriefValue {
        public Terms {
            terms = List.copyOf(terms);
        }

        public Object json() {
            return terms.stream().map(UUID::toString).toList();
        }

        public boolean empty() {
            return terms.isEmpty();
        }
    }

    /** Library assets: links or uploaded attachments. */
    record Assets(List<AssetId> assets) implements BriefValue {
        public Assets {
            assets = List.copyOf(assets);
        }

        public Object json() {
            return assets.stream().map(AssetId::toString).toList();
        }

        public boolean empty() {
            return assets.isEmpty();
        }
    }

    /** A checkbox; a required one must be ticked (a confirmation). */
    record Checked(boolean checked) implements BriefValue {
        public Object json() {
            return checked;
        }

        public boolean empty() {
            return !checked;
        }
    }

    /** A dated step of a brief; calendars show it. */
    record Milestone(String name, LocalDate due) {}
}
