package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.shared.process.BoundedProcess;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Downloads with metadata, read back by exiftool itself: the round trip a DAM's users rely on. */
class XmpDownloadTests extends IntegrationTest {

    @BeforeAll
    static void needsExifTool() {
        assumeTrue(BoundedProcess.installed("exiftool") || "true".equals(System.getenv("CI")), "install exiftool to run these");
    }

    @Test
    void writesTitleDescriptionAndIdentityIntoAJpegAndKeepsItsPixelsAndExif() throws Exception {
        byte[] photo = TestImages.jpeg(120, 80, new Color(0x2b6cb0));
        String id = upload("pier.jpg", photo);
        admin().json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"Pier at dawn — ünïcødé\",\"description\":\"Line one\\nline two\"}");

        var download = admin().get("/api/v1/assets/" + id + "/download");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("pier.jpg");
        Map<String, String> tags = exiftool(download.bytes(), ".jpg");
        assertThat(tags).containsEntry("XMP-dc:Title", "Pier at dawn — ünïcødé")
                .containsEntry("XMP-dc:Description", "Line one\nline two")
                .containsEntry("XMP-xmpMM:DocumentID", "urn:atelier:asset:" + id)
                .containsEntry("XMP-xmpMM:VersionID", "1");
        assertThat(pixels(download.bytes())).isEqualTo(pixels(photo));
        assertThat(admin().get("/api/v1/assets/" + id + "/content").bytes()).isEqualTo(photo);
    }

    @Test
    void writesIntoAPdf() throws Exception {
        String id = upload("brief.pdf", TestDocuments.pdf(2, 200, 300));
        admin().json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"Campaign brief\"}");

        var download = admin().get("/api/v1/assets/" + id + "/download");

        assertThat(exiftool(download.bytes(), ".pdf")).containsEntry("XMP-dc:Title", "Campaign brief");
    }

    @Test
    void packsOtherFormatsWithAnXmpSidecar() throws Exception {
        byte[] text = "plain notes".getBytes();
        String id = upload("notes.txt", text);
        admin().json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"Meeting notes\"}");

        var download = admin().get("/api/v1/assets/" + id + "/download");

        assertThat(download.header("Content-Type")).isEqualTo("application/zip");
        Map<String, byte[]> entries = unzip(download.bytes());
        assertThat(entries).containsOnlyKeys("notes.txt", "notes.xmp");
        assertThat(entries.get("notes.txt")).isEqualTo(text);
        assertThat(exiftool(entries.get("notes.xmp"), ".xmp")).containsEntry("XMP-dc:Title", "Meeting notes");
        assertThat(exiftool(admin().get("/api/v1/assets/" + id + "/xmp").bytes(), ".xmp")).containsEntry("XMP-dc:Title", "Meeting notes");
    }

    private String upload(String name, byte[] bytes) {
        return admin().upload("/api/v1/assets", Multipart.file(name, null, bytes)).json().get("id").asString();
    }

    /** What exiftool reads back as XMP: Group:Tag → value, lists joined by line breaks. */
    private static Map<String, String> exiftool(byte[] bytes, String suffix) throws Exception {
        Path file = Files.createTempFile("downloaded-", suffix);
        try {
            Files.write(file, bytes);
            var result = BoundedProcess.run(List.of("exiftool", "-json", "-G1", "-XMP:all", file.toString()), Duration.ofSeconds(30),
                    DataSize.ofGigabytes(1), DataSize.ofMegabytes(1));
            var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(result.stdoutText()).get(0);
            Map<String, String> tags = new HashMap<>();
            for (var e : node.properties()) {
                tags.put(e.getKey(), e.getValue().isArray() ? String.join("\n", arrayValues(e.getValue())) : e.getValue().asString());
            }
            return tags;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> arrayValues(tools.jackson.databind.JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static int[] pixels(byte[] jpeg) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
