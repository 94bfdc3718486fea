package dev.atelier.shared;

import java.util.List;
import java.util.Optional;

/** One page of a keyset-paged list; {@code next} is present when more rows follow. */
public record Page<T>(List<T> items, Optional<String> next) {
}
