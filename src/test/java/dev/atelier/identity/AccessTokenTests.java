package dev.atelier.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccessTokenTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenActsAsItsOwnerUntilRevoked() {
        Api contributor = as("tom-tokens", Role.CONTRIBUTOR);
        var created = contributor.json("POST", "/api/v1/tokens", "{\"name\":\"CMS sync\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asString();
        String id = created.json().get("id").asString();
        assertThat(secret).startsWith("atl_").hasSizeGreaterThan(40);

        Api bearer = Api.bearer(port, secret);
        assertThat(bearer.get("/api/v1/users/me").json().get("username").asString()).isEqualTo("tom-tokens");
        assertThat(bearer.upload("/api/v1/assets", Multipart.file("t.txt", null, "t".getBytes())).status()).isEqualTo(201);
        assertThat(contributor.get("/api/v1/tokens").json().get(0).has("token")).isFalse();

        assertThat(contributor.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        var revoked = bearer.get("/api/v1/assets");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).contains("revoked");
    }

    @Test
    void storesOnlyTheHashOfTheSecret() {
        String secret = admin().json("POST", "/api/v1/tokens", "{\"name\":\"hash check\"}").json().get("token").asString();
        long plain = jdbc.sql("SELECT COUNT(*) FROM access_tokens WHERE secret_hash = ? OR name = ?").params(secret, secret)
                .query(Long.class).single();
        assertThat(plain).isZero();
    }

    @Test
    void refusesExpiredAndUnknownTokens() {
        assertThat(Api.bearer(port, "atl_unknown").get("/api/v1/assets").status()).isEqualTo(401);
        var past = admin().json("POST", "/api/v1/tokens", "{\"name\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
    }
}
