package dev.atelier.identity;

/** A user's e-mail address was set, changed or removed by {@code by} (the user or an admin). */
public record UserEmailChanged(UserId user, UserId by, boolean removed) {
}
