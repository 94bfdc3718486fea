package dev.atelier.identity;

/** A user account was created; {@code by} is empty for the first administrator. */
public record UserCreated(UserId user, String username, Role role, java.util.Optional<UserId> by) {
}
