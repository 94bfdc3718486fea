package dev.atelier.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a keyset-paged list; {@code next} is present when more rows follow. */
public record Page<T>(List<T> items, Optional<String> next) {

    /**
     * Cuts a query result fetched with {@code size + 1} rows into a page: the extra row only says
     * that another page exists, whose cursor is made from the last item shown.
     */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, String> cursorOf) {
        if (fetched.size() <= size) {
            return new Page<>(List.copyOf(fetched), Optional.empty());
        }
        List<T> items = List.copyOf(fetched.subList(0, size));
        return new Page<>(items, Optional.of(cursorOf.apply(items.getLast())));
    }
}
