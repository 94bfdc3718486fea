package dev.atelier.identity;

/** A token just created: {@code secret} is the only time the plain value exists outside the caller. */
public record IssuedToken(AccessToken token, String secret) {
}
