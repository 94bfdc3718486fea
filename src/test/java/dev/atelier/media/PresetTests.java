package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Named rendition presets: admins keep them, everyone gets signed URLs from them. */
class PresetTests extends IntegrationTest {

    @Test
    void shipsUsefulPresetsAndMakesSignedUrlsFromThem() throws Exception {
        String id = admin().upload("/api/v1/assets", Multipart.file("hero.png", null, TestImages.png(2400, 1600, Color.PINK)))
                .json().get("id").asString();

        JsonNode list = as("val-viewer", Role.VIEWER).get("/api/v1/presets").json();
        // sized copies leave the building: a viewer gets them for approved versions only (WorkflowTests approves one)
        assertThat(as("val-viewer", Role.VIEWER).get("/api/v1/assets/" + id + "/presets/social-square-1080/url?v=1").status()).isEqualTo(403);
        JsonNode url = as("val-reviewer", Role.REVIEWER).get("/api/v1/assets/" + id + "/presets/social-square-1080/url?v=1").json();
        Api.Response image = Api.anonymous(port).get(url.get("path").asString());

        assertThat(list.findValuesAsString("name")).contains("web-1600", "social-square-1080", "email-600");
        assertThat(url.get("path").asString()).contains("v=1").contains("fit=cover").contains("s=");
        assertThat(image.status()).isEqualTo(200);
        BufferedImage square = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertThat(square.getWidth()).isEqualTo(1080);
        assertThat(square.getHeight()).isEqualTo(1080);
    }

    @Test
    void adminsKeepPresetsAndOthersCannot() {
        String body = "{\"label\":\"Homepage banner\",\"w\":1920,\"h\":600,\"fit\":\"cover\",\"g\":\"north\",\"fm\":\"webp\"}";

        Api.Response byManager = as("max-manager", Role.MANAGER).json("PUT", "/api/v1/presets/banner-1920", body);
        Api.Response saved = admin().json("PUT", "/api/v1/presets/banner-1920", body);
        Api.Response badFit = admin().json("PUT", "/api/v1/presets/odd", "{\"w\":100,\"fit\":\"squash\"}");
        Api.Response noSize = admin().json("PUT", "/api/v1/presets/empty", "{\"fm\":\"png\"}");
        Api.Response badName = admin().json("PUT", "/api/v1/presets/Bad%20Name", "{\"w\":100}");

        assertThat(byManager.status()).isEqualTo(403);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("spec").asString()).isEqualTo("w=1920&h=600&fit=cover&g=north&fm=webp");
        assertThat(badFit.status()).isEqualTo(400);
        assertThat(badFit.json().get("detail").asString()).contains("'fit'");
        assertThat(noSize.json().get("detail").asString()).contains("width");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/presets").json().findValuesAsString("name")).contains("banner-1920");

        assertThat(admin().delete("/api/v1/presets/banner-1920").status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/presets").json().findValuesAsString("name")).doesNotContain("banner-1920");
        assertThat(admin().delete("/api/v1/presets/banner-1920").status()).isEqualTo(404);
    }
}
