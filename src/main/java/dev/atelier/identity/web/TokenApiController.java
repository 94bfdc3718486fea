package dev.atelier.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.identity.AccessToken;
import dev.atelier.identity.Actor;
import dev.atelier.identity.IssuedToken;
import dev.atelier.identity.TokenManagement;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tokens}: the caller's own personal access tokens. */
@RestController
@Tag(name = "Access tokens")
class TokenApiController {

    private final TokenManagement tokens;

    TokenApiController(TokenManagement tokens) {
        this.tokens = tokens;
    }

    record NewToken(String name, @Nullable Instant expiresAt) {
    }

    record TokenResource(String id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt, @Nullable String token) {

        static TokenResource of(AccessToken t, @Nullable String secret) {
            return new TokenResource(t.id().toString(), t.name(), t.prefix(), t.createdAt(), t.expiresAt().orElse(null),
                    t.lastUsedAt().orElse(null), secret);
        }
    }

    @Operation(summary = "Create a token", description = "The response's 'token' is the secret; it is shown only this once.")
    @PostMapping("/api/v1/tokens")
    ResponseEntity<TokenResource> create(Actor actor, @RequestBody NewToken request) {
        IssuedToken issued = tokens.issue(actor, request.name() == null ? "" : request.name(), Optional.ofNullable(request.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(TokenResource.of(issued.token(), issued.secret()));
    }

    @GetMapping("/api/v1/tokens")
    List<TokenResource> list(Actor actor) {
        return tokens.list(actor).stream().map(t -> TokenResource.of(t, null)).toList();
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable UUID id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
