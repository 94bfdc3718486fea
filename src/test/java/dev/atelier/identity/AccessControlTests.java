package dev.atelier.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import org.junit.jupiter.api.Test;

/** Who may do what, endpoint by endpoint, through the real security chain. */
class AccessControlTests extends IntegrationTest {

    @Test
    void refusesAnonymousCallersWithAProblem() {
        var response = Api.anonymous(port).get("/api/v1/assets");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).contains("Basic");
        assertThat(Api.basic(port, "admin", "wrong-password").get("/api/v1/assets").status()).isEqualTo(401);
    }

    @Test
    void viewersReadButCannotUploadEditOrTrash() {
        Api viewer = as("vera-viewer", Role.VIEWER);
        String id = uploadAs(admin(), "owned-by-admin.txt");

        assertThat(viewer.get("/api/v1/assets").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/assets/" + id).status()).isEqualTo(200);
        // viewers download approved versions only (WorkflowTests shows the approved case)
        var original = viewer.get("/api/v1/assets/" + id + "/content");
        assertThat(original.status()).isEqualTo(403);
        assertThat(original.json().get("type").asString()).isEqualTo("/problems/not-approved");
        var upload = viewer.upload("/api/v1/assets", Multipart.file("v.txt", null, "x".getBytes()));
        assertThat(upload.status()).isEqualTo(403);
        assertThat(upload.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(viewer.upload("/api/v1/assets/" + id + "/versions", Multipart.file("v.txt", null, "x".getBytes())).status())
                .isEqualTo(403);
        assertThat(viewer.json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"no\"}").status()).isEqualTo(403);
        assertThat(viewer.delete("/api/v1/assets/" + id).status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/assets/" + id + "/restore").status()).isEqualTo(403);
    }

    @Test
    void reviewersCannotUpload() {
        Api reviewer = as("rita-reviewer", Role.REVIEWER);
        assertThat(reviewer.get("/api/v1/assets").status()).isEqualTo(200);
        assertThat(reviewer.upload("/api/v1/assets", Multipart.file("r.txt", null, "x".getBytes())).status()).isEqualTo(403);
    }

    @Test
    void contributorsTrashTheirOwnAssetsButNotOthers() {
        Api contributor = as("carl-contributor", Role.CONTRIBUTOR);
        String own = uploadAs(contributor, "carls.txt");
        String others = uploadAs(admin(), "admins.txt");

        assertThat(contributor.json("PATCH", "/api/v1/assets/" + others, "{\"description\":\"team edit\"}").status()).isEqualTo(200);
        assertThat(contributor.upload("/api/v1/assets/" + others + "/versions", Multipart.file("v2.txt", null, "2".getBytes())).status())
                .isEqualTo(201);
        assertThat(contributor.delete("/api/v1/assets/" + others).status()).isEqualTo(403);
        assertThat(contributor.delete("/api/v1/assets/" + own).status()).isEqualTo(200);
        assertThat(contributor.post("/api/v1/assets/" + own + "/restore").status()).isEqualTo(200);
    }

    @Test
    void managersTrashAndRestoreAnyonesAssets() {
        Api manager = as("mia-manager", Role.MANAGER);
        String others = uploadAs(as("carl-contributor", Role.CONTRIBUTOR), "for-mia.txt");
        assertThat(manager.delete("/api/v1/assets/" + others).status()).isEqualTo(200);
        assertThat(manager.post("/api/v1/assets/" + others + "/restore").status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsManageUsers() {
        Api manager = as("mia-manager", Role.MANAGER);
        String newUser = "{\"username\":\"nina\",\"password\":\"long-enough-1\",\"role\":\"viewer\"}";

        assertThat(manager.json("POST", "/api/v1/users", newUser).status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/users/me").json().get("role").asString()).isEqualTo("manager");
        var created = admin().json("POST", "/api/v1/users", newUser);
        assertThat(created.status()).isEqualTo(201);
        assertThat(Api.basic(port, "nina", "long-enough-1").get("/api/v1/assets").status()).isEqualTo(200);
        assertThat(admin().json("POST", "/api/v1/users", newUser).status()).isEqualTo(409);
    }

    @Test
    void healthIsPublicAndTheRestOfActuatorIsForAdmins() {
        var health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(Api.anonymous(port).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(as("mia-manager", Role.MANAGER).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(admin().get("/actuator/metrics").status()).isEqualTo(200);
        var media = admin().get("/actuator/health/media").json();
        assertThat(media.get("status").asString()).isEqualTo("UP");
        // libvips takes most types where installed, the Java engine the rest: together they cover these
        assertThat(media.at("/details/engines").toString()).contains("java-imageio", "image/jpeg", "image/webp", "image/tiff");
        assertThat(Api.anonymous(port).get("/actuator/health").json().has("components")).isFalse();
    }

    @Test
    void webPagesRedirectAnonymousVisitorsToTheLoginPage() {
        var response = Api.anonymous(port).get("/library");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    private static String uploadAs(Api api, String name) {
        var response = api.upload("/api/v1/assets", Multipart.file(name, null, name.getBytes()));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
