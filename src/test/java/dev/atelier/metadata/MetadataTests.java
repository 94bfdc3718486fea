package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.shared.process.BoundedProcess;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.RequiredTools;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/** EXIF, IPTC and XMP written into generated files by exiftool, read back through the application. */
class MetadataTests extends IntegrationTest {

    @BeforeAll
    static void needsExifTool() {
        RequiredTools.require("exiftool", "libimage-exiftool-perl", "metadata tests");
    }

    @Test
    void readsExifIptcAndXmpFromAPhotoAndMakesThemSearchable() throws Exception {
        String keyword = UniqueWords.next();
        byte[] photo = tagged(TestImages.jpeg(300, 400, new Color(0x2b6cb0)),
                "-EXIF:Make=Canon", "-EXIF:Model=Canon EOS R5", "-EXIF:DateTimeOriginal=2024:05:01 06:30:00",
                "-EXIF:Artist=Ada Lovelace", "-IPTC:Keywords=" + keyword, "-IPTC:Keywords=new york", "-XMP-dc:Subject=" + keyword,
                "-XMP-dc:Description=Boats at dawn", "-XMP-dc:Rights=© Example Ltd", "-XMP-xmpRights:UsageTerms=Editorial use only",
                "-IPTC:City=New York", "-GPSLatitude=40.7", "-GPSLatitudeRef=N", "-GPSLongitude=74.0", "-GPSLongitudeRef=W");
        String id = upload("harbour.jpg", photo);

        JsonNode metadata = awaitRead(admin(), id);

        assertThat(metadata.get("status").asString()).isEqualTo("read");
        JsonNode fields = metadata.get("fields");
        assertThat(values(fields, "camera")).containsExactly("Canon EOS R5");
        assertThat(values(fields, "captured")).containsExactly("2024-05-01T06:30:00");
        assertThat(values(fields, "creator")).containsExactly("Ada Lovelace");
        assertThat(values(fields, "keywords")).containsExactly(keyword, "new york");
        assertThat(values(fields, "caption")).containsExactly("Boats at dawn");
        assertThat(values(fields, "copyright")).containsExactly("© Example Ltd");
        assertThat(values(fields, "rights")).containsExactly("Editorial use only");
        assertThat(values(fields, "city")).containsExactly("New York");
        assertThat(values(fields, "gps").getFirst()).startsWith("+40.700000").contains("-74.000000");
        assertThat(values(fields, "dimensions")).containsExactly("300x400");
        assertThat(metadata.get("tags").get("IFD0:Make").asString()).isEqualTo("Canon");

        JsonNode found = awaitSearch("tag:" + keyword + " captured:2024-05 orientation:portrait camera:canon");
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(as("viewer-metadata", Role.VIEWER).get("/api/v1/assets/" + id + "/metadata").status()).isEqualTo(200);
    }

    @Test
    void readsThePageCountAndAuthorOfAPdf() throws Exception {
        byte[] pdf = tagged(TestDocuments.pdf(3, 200, 300), "-PDF:Author=Grace Hopper", "-PDF:Title=Brand book");
        String id = upload("brand.pdf", pdf);

        JsonNode fields = awaitRead(admin(), id).get("fields");

        assertThat(values(fields, "pages")).containsExactly("3");
        assertThat(values(fields, "creator")).containsExactly("Grace Hopper");
        assertThat(values(fields, "title")).containsExactly("Brand book");
    }

    @Test
    void recordsWhyAFileCouldNotBeReadAndKeepsTheAsset() {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        String id = upload("noise.bin", noise);

        JsonNode metadata = awaitRead(admin(), id);

        assertThat(metadata.get("status").asString()).isEqualTo("failed");
        assertThat(metadata.get("reason").asString()).isNotBlank();
        assertThat(admin().get("/api/v1/assets/" + id).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/assets/" + id + "/metadata?version=9").status()).isEqualTo(404);
    }

    private String upload(String name, byte[] bytes) {
        return admin().upload("/api/v1/assets", Multipart.file(name, null, bytes)).json().get("id").asString();
    }

    /** Writes tags into the bytes with exiftool, the way a photographer's tools would. */
    static byte[] tagged(byte[] bytes, String... tags) throws Exception {
        Path file = Files.createTempFile("tagged-", ".bin");
        try {
            Files.write(file, bytes);
            List<String> command = new ArrayList<>(List.of("exiftool", "-q", "-overwrite_original", "-charset", "iptc=utf8", "-codedcharacterset=utf8"));
            command.addAll(List.of(tags));
            command.add(file.toString());
            var result = BoundedProcess.run(command, Duration.ofSeconds(30), DataSize.ofGigabytes(1), DataSize.ofMegabytes(1));
            assertThat(result.exitCode()).as(result.stderrTail()).isZero();
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static JsonNode awaitRead(Api api, String id) {
        return Poll.until(() -> api.get("/api/v1/assets/" + id + "/metadata").json(), m -> !m.get("status").asString().equals("pending"),
                Duration.ofSeconds(30));
    }

    private JsonNode awaitSearch(String query) {
        return Poll.until(() -> admin().get("/api/v1/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)).json(),
                r -> r.get("total").asLong() == 1, Duration.ofSeconds(30));
    }


    private static List<String> values(JsonNode fields, String name) {
        List<String> values = new ArrayList<>();
        JsonNode node = fields.get(name);
        if (node != null) {
            node.forEach(v -> values.add(v.asString()));
        }
        return values;
    }
}
