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
            // the variables are NUL-separated, and glibc turns the ':' of GLIBC_TUNABLES into NUL when (and if) it has read them
            String environment = ":" + new String(Files.readAllBytes(Path.of("/proc", Long.toString(worker.pid()), "environ")),
                    StandardCharsets.UTF_8).replace('\0', ':');

            assertThat(environment).contains(":GLIBC_TUNABLES=" + WorkerLauncher.MALLOC_TUNABLES + ":");
        } finally {
            worker.destroyForcibly().waitFor();
        }
    }
}
