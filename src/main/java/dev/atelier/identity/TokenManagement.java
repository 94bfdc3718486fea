package dev.atelier.identity;

import dev.atelier.identity.internal.AccessTokens;
import dev.atelier.shared.Ids;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API. The secret is 256 random bits, returned once; only its
 * SHA-256 is stored, so a database leak gives no usable tokens.
 */
@Service
public class TokenManagement {

    static final String PREFIX = "atl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TokenManagement(AccessTokens tokens, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken issue(Actor owner, String name, Optional<Instant> expiresAt) {
        String label = name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new InvalidRequestException("A token needs a name of 1 to 100 characters.");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw new InvalidRequestException("The expiry must lie in the future.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        AccessToken token = new AccessToken(Ids.uuidV7(), label, secret.substring(0, 8), now,
                expiresAt.map(t -> t.truncatedTo(ChronoUnit.MICROS)), Optional.empty());
        tokens.insert(owner.id(), token, AccessTokens.hash(secret));
        events.publishEvent(new AccessTokenIssued(token.id(), label, owner.id()));
        return new IssuedToken(token, secret);
    }

    @Transactional(readOnly = true)
    public List<AccessToken> list(Actor owner) {
        return tokens.findByOwner(owner.id());
    }

    @Transactional
    public void revoke(Actor owner, UUID tokenId) {
        if (tokens.delete(owner.id(), tokenId) == 0) {
            throw new NotFoundException("token " + tokenId);
        }
        events.publishEvent(new AccessTokenRevoked(tokenId, owner.id()));
    }

    /** The user a presented secret belongs to, when it is known, unexpired and its user enabled. */
    @Transactional
    public Optional<User> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return tokens.findUserBySecret(secret, now);
    }
}
