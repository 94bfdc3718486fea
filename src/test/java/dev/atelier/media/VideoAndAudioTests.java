package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AwaitRenditions;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Video and audio through ffmpeg in the media workers: facts, poster, proxy, filmstrip, waveform. */
class VideoAndAudioTests extends IntegrationTest {

    @BeforeAll
    static void requireFfmpeg() {
        assumeThat(TestMedia.ffmpegAvailable()).as("ffmpeg is installed").isTrue();
    }

    @Test
    void aVideoGetsItsFactsAPosterAPlayableProxyAndAFilmstrip() throws Exception {
        String id = upload("launch.mp4", TestMedia.video(1280, 720, 3, "mp4"));

        JsonNode renditions = awaitSettled(id);

        assertThat(renditions.findValuesAsString("name")).containsExactly("thumbnail", "preview", "proxy", "filmstrip");
        assertThat(renditions.findValuesAsString("status")).containsOnly("ready");
        JsonNode facts = admin().get("/api/v1/assets/" + id + "/media-facts").json();
        assertThat(facts.get("duration").asDouble()).isBetween(2.9, 3.1);
        assertThat(facts.get("width").asInt()).isEqualTo(1280);
        assertThat(facts.get("videoCodec").asString()).isEqualTo("h264");
        assertThat(facts.get("audioCodec").asString()).isEqualTo("aac");

        BufferedImage poster = image(admin().get("/api/v1/assets/" + id + "/renditions/thumbnail"));
        assertThat(poster.getWidth()).isEqualTo(400);
        assertThat(poster.getHeight()).isEqualTo(224);
        Api.Response proxy = admin().get("/api/v1/assets/" + id + "/renditions/proxy");
        assertThat(proxy.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(new String(proxy.bytes(), 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
        Api.Response range = admin().get("/api/v1/assets/" + id + "/renditions/proxy", "Range", "bytes=100-199");
        assertThat(range.status()).as("seeking needs ranges").isEqualTo(206);
        assertThat(range.bytes()).hasSize(100);
        assertThat(image(admin().get("/api/v1/assets/" + id + "/renditions/filmstrip")).getWidth()).isEqualTo(1600);
    }

    @Test
    void aWebmVideoIsReadWithItsOwnDemuxer() throws Exception {
        String id = upload("teaser.webm", TestMedia.video(320, 240, 2, "webm"));

        assertThat(awaitSettled(id).findValuesAsString("status")).containsOnly("ready");
        assertThat(admin().get("/api/v1/assets/" + id + "/media-facts").json().get("videoCodec").asString()).isEqualTo("vp9");
    }

    @Test
    void anAudioFileGetsAWaveformAndAnAacProxy() throws Exception {
        String id = upload("jingle.mp3", TestMedia.tone(4));

        JsonNode renditions = awaitSettled(id);

        assertThat(renditions.findValuesAsString("name")).containsExactly("thumbnail", "preview", "proxy");
        assertThat(renditions.findValuesAsString("status")).containsOnly("ready");
        assertThat(image(admin().get("/api/v1/assets/" + id + "/renditions/preview")).getWidth()).isEqualTo(1600);
        assertThat(admin().get("/api/v1/assets/" + id + "/renditions/proxy").header("Content-Type")).isEqualTo("audio/mp4");
        assertThat(admin().get("/api/v1/assets/" + id + "/media-facts").json().get("audioCodec").asString()).isEqualTo("mp3");
    }

    @Test
    void coverArtDoesNotMakeAnAudioFileAVideo() {
        String id = upload("album-track.mp3", TestMedia.toneWithCover(3));

        JsonNode renditions = awaitSettled(id);

        assertThat(renditions.findValuesAsString("status")).containsOnly("ready");
        JsonNode facts = admin().get("/api/v1/assets/" + id + "/media-facts").json();
        assertThat(facts.has("videoCodec")).isFalse();
        assertThat(facts.get("audioCodec").asString()).isEqualTo("mp3");
        assertThat(admin().get("/api/v1/assets/" + id + "/renditions/proxy").header("Content-Type")).isEqualTo("audio/mp4");
    }

    @Test
    void aPlaylistDisguisedAsAVideoIsNeverFollowed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // a real video it points at: were the playlist followed, the renditions would come out ready
        Path target = Files.write(dir.resolve("target.mp4"), TestMedia.video(320, 240, 2, "mp4"));
        String playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n" + target.toUri() + "\n#EXTINF:2.0,\n"
                + target + "\n#EXT-X-ENDLIST\n";
        String concat = "ffconcat version 1.0\nfile '" + target + "'\n";

        for (var disguise : new String[][] {{"clip.mp4", playlist}, {"clip.mov", concat}, {"clip.avi", playlist}}) {
            String id = upload(disguise[0], disguise[1].getBytes(StandardCharsets.UTF_8));
            JsonNode renditions = awaitSettled(id);
            assertThat(renditions.findValuesAsString("status")).as(disguise[0]).doesNotContain("ready");
        }
    }

    private String upload(String name, byte[] bytes) {
        var response = admin().upload("/api/v1/assets", Multipart.file(name, null, bytes));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private JsonNode awaitSettled(String id) {
        return AwaitRenditions.settled(admin(), id);
    }

    private static BufferedImage image(Api.Response response) throws Exception {
        assertThat(response.status()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(response.bytes()));
    }
}
