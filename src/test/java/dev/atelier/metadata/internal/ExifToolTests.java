package dev.atelier.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.metadata.MetadataProperties;
import dev.atelier.shared.process.BoundedProcess;
import dev.atelier.testsupport.Processes;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** exiftool kept running between files: the same tags as a one-off run, one process for many files, errors per file. */
class ExifToolTests {

    @TempDir
    Path dir;

    private final ExifTool exifTool = new ExifTool(new MetadataProperties("exiftool", Duration.ofSeconds(30), DataSize.ofGigabytes(1), 8),
            JsonMapper.builder().build());

    @BeforeAll
    static void needsExifTool() {
        assumeTrue(BoundedProcess.installed("exiftool") || "true".equals(System.getenv("CI")), "install exiftool to run these");
    }

    @AfterEach
    void close() {
        exifTool.destroy();
    }

    @Test
    void readsTheSameTagsAsAOneOffRunAndKeepsOneProcessForManyFiles() throws Exception {
        Path photo = Files.write(dir.resolve("photo.jpg"), TestImages.jpeg(120, 80, new Color(0x2b6cb0)));
        Path other = Files.write(dir.resolve("other.png"), TestImages.png(40, 30, Color.ORANGE));
        List<ProcessHandle> before = exifToolProcesses();

        Map<String, String> tags = exifTool.read(photo);
        Map<String, String> second = exifTool.read(other);
        Map<String, String> again = exifTool.read(photo);

        assertThat(tags).containsEntry("File:ImageWidth", "120").containsEntry("File:ImageHeight", "80");
        assertThat(second).containsEntry("PNG:ImageWidth", "40");
        assertThat(again).isEqualTo(tags);
        assertThat(exifToolProcesses()).hasSize(before.size() + 1).containsAll(before);
        var oneOff = BoundedProcess.run(List.of("exiftool", "-json", "-G1", "-struct", "-c", "%+.6f", "-fast", photo.toString()),
                Duration.ofSeconds(30), DataSize.ofGigabytes(1), DataSize.ofMegabytes(4));
        assertThat(oneOff.stdoutText()).contains("\"File:ImageWidth\": 120");
    }

    @Test
    void aFileExifToolCannotReadIsAnErrorForThatFileOnly() throws Exception {
        Path noise = Files.write(dir.resolve("noise.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Path photo = Files.write(dir.resolve("photo.jpg"), TestImages.jpeg(64, 64, Color.GRAY));

        assertThatThrownBy(() -> exifTool.read(noise)).isInstanceOf(UnreadableMetadataException.class)
                .hasMessageContaining("Unknown file type");
        assertThatThrownBy(() -> exifTool.read(dir.resolve("missing.jpg"))).isInstanceOf(UnreadableMetadataException.class)
                .hasMessageContaining("File not found");
        assertThat(exifTool.read(photo)).containsEntry("File:ImageWidth", "64");
    }

    @Test
    void closingEndsTheProcesses() throws Exception {
        List<ProcessHandle> before = exifToolProcesses();
        exifTool.read(Files.write(dir.resolve("photo.jpg"), TestImages.jpeg(32, 32, Color.GREEN)));
        List<ProcessHandle> running = exifToolProcesses().stream().filter(p -> !before.contains(p)).toList();
        assertThat(running).hasSize(1);

        exifTool.destroy();

        assertThat(running).noneMatch(ProcessHandle::isAlive);
    }

    private static List<ProcessHandle> exifToolProcesses() {
        return ProcessHandle.current().children()
                .filter(p -> Processes.arguments(p).contains("-stay_open"))
                .toList();
    }
}
