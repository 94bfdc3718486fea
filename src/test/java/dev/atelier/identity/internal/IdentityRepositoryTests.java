package dev.atelier.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.identity.AccessToken;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users and access tokens tables, run on H2 and on PostgreSQL by the subclasses. */
@JdbcTest
@Import({Users.class, AccessTokens.class})
abstract class IdentityRepositoryTests {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Autowired
    Users users;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsUsersByNameAndId() {
        User user = user("ana");
        users.insert(user, "{bcrypt}hash");

        assertThat(users.findByUsername("ana")).contains(user);
        assertThat(users.findById(user.id())).contains(user);
        assertThat(users.passwordHash("ana")).contains("{bcrypt}hash");
        assertThat(users.findByUsername("nobody")).isEmpty();
    }

    @Test
    void keepsAnEmailAddressUniqueAmongUsersWhoHaveOne() {
        User ana = user("ana");
        User ben = user("ben");
        users.insert(ana, "x");
        users.insert(ben, "x");
        users.insert(user("cat"), "x");

        users.updateEmail(ana.id(), Optional.of("ana@example.test"));
        assertThat(users.findByEmail("ana@example.test")).map(User::username).contains("ana");
        assertThat(users.findById(ana.id()).orElseThrow().email()).contains("ana@example.test");
        users.updateEmail(ana.id(), Optional.empty());
        assertThat(users.findById(ana.id()).orElseThrow().email()).isEmpty();
        users.updateEmail(ana.id(), Optional.of("ana@example.test"));
        // last: on PostgreSQL the failed statement ends the test's transaction
        assertThatThrownBy(() -> users.updateEmail(ben.id(), Optional.of("ana@example.test"))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void resolvesAValidTokenToItsUserOnly() {
        User user = user("ben");
        users.insert(user, "x");
        tokens.insert(user.id(), token("valid", Optional.empty()), AccessTokens.hash("atl_valid"));
        tokens.insert(user.id(), token("expired", Optional.of(NOW.minusSeconds(1))), AccessTokens.hash("atl_expired"));

        assertThat(tokens.findUserBySecret("atl_valid", NOW)).contains(user);
        assertThat(tokens.findUserBySecret("atl_expired", NOW)).isEmpty();
        assertThat(tokens.findUserBySecret("atl_other", NOW)).isEmpty();
        assertThat(tokens.findByOwner(user.id())).extracting(AccessToken::name).containsExactlyInAnyOrder("valid", "expired");
        assertThat(tokens.findByOwner(user.id())).filteredOn(t -> t.name().equals("valid")).first()
                .extracting(t -> t.lastUsedAt().orElseThrow()).isEqualTo(NOW);
    }

    @Test
    void writesATokensLastUseAtMostOnceAMinute() {
        User user = user("eve");
        users.insert(user, "x");
        tokens.insert(user.id(), token("script", Optional.empty()), AccessTokens.hash("atl_script"));
        tokens.findUserBySecret("atl_script", NOW);
        // behind the repository's back, so a second UPDATE would show
        jdbc.sql("UPDATE access_tokens SET last_used_at = ? WHERE secret_hash = ?")
                .params(Timestamp.from(NOW.minusSeconds(3600)), AccessTokens.hash("atl_script")).update();

        assertThat(tokens.findUserBySecret("atl_script", NOW.plusSeconds(30))).contains(user);
        assertThat(lastUsed(user)).isEqualTo(NOW.minusSeconds(3600));

        assertThat(tokens.findUserBySecret("atl_script", NOW.plusSeconds(61))).contains(user);
        assertThat(lastUsed(user)).isEqualTo(NOW.plusSeconds(61));
    }

    @Test
    void revokesOnlyTheOwnersToken() {
        User owner = user("cat");
        User other = user("dan");
        users.insert(owner, "x");
        users.insert(other, "x");
        AccessToken token = token("t", Optional.empty());
        tokens.insert(owner.id(), token, AccessTokens.hash("atl_t"));

        assertThat(tokens.delete(other.id(), token.id())).isZero();
        assertThat(tokens.delete(owner.id(), token.id())).isOne();
        assertThat(tokens.findUserBySecret("atl_t", NOW)).isEmpty();
    }

    private Instant lastUsed(User owner) {
        return tokens.findByOwner(owner.id()).getFirst().lastUsedAt().orElseThrow();
    }

    private static User user(String name) {
        return new User(new UserId(UUID.randomUUID()), name, name.toUpperCase(), Role.CONTRIBUTOR, true, NOW);
    }

    private static AccessToken token(String name, Optional<Instant> expires) {
        return new AccessToken(UUID.randomUUID(), name, "atl_abcd", NOW.minusSeconds(3600), expires, Optional.empty());
    }
}
