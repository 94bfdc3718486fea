package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.util.unit.DataSize;

/** How workers are started, as seen from outside the process. */
class WorkerLauncherTests {

    @Test
    @EnabledOnOs(OS.LINUX)
    void workersKeepFreedMemoryForTheNextJobInsteadOfMappingItAfresh() throws Exception {
        Process worker = new WorkerLauncher(DataSize.ofMegabytes(64)).start(false);
        try {
            // glibc splits the variable where it reads it (':' becomes NUL), so it is looked for in the raw block
            String environment = new String(Files.readAllBytes(Path.of("/proc", Long.toString(worker.pid()), "environ")),
                    StandardCharsets.UTF_8);

            assertThat(environment).contains("GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432")
                    .contains("glibc.malloc.trim_threshold=33554432");
        } finally {
            worker.destroyForcibly().waitFor();
        }
    }
}
