package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a person fills in: the brief's own parts and the template fields' values.
 *
 * @param values by field key, each in its JSON form (see {@link BriefValues#parse}); a missing key
 *               or an empty value clears the field
 * @param criteria the acceptance criteria, one per line; ticks survive for lines kept word for word
 */
public record BriefForm(String title, Optional<LocalDate> due, Optional<UUID> board, List<UserId> assignees, Map<String, Object> values,
        List<String> criteria) {

    public BriefForm {
        title = title.strip();
        assignees = assignees.stream().distinct().toList();
        values = Map.copyOf(values);
        criteria = criteria.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
    }
}
