package dev.atelier.media.internal;

import dev.atelier.shared.process.BoundedProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.springframework.util.unit.DataSize;

/**
 * Builds the command that starts a worker from the same code the server runs: the exploded class
 * path in development and tests, or the Spring Boot jar through its {@code PropertiesLauncher}.
 */
final class WorkerLauncher {

    private final List<String> command;
    private final WorkRoot workRoot;

    /** Unconfined workers, for tests that hand them files anywhere. */
    WorkerLauncher(DataSize heap) {
        this(heap, true);
    }

    /** Unconfined workers, for tests that hand them files anywhere. */
    WorkerLauncher(DataSize heap, boolean libvips) {
        this(heap, libvips, "", WorkRoot.temporary(), false);
    }

    /**
     * @param libvips false to make workers use the pure-Java engine even where libvips is installed
     * @param javaExecutable the {@code java} to start workers with; empty for the server's own
     * @param workRoot where job files live, and workers' temporary files
     * @param confine whether workers confine themselves to {@code workRoot} ({@link WorkerSandbox})
     */
    WorkerLauncher(DataSize heap, boolean libvips, String javaExecutable, WorkRoot workRoot, boolean confine) {
        this.workRoot = workRoot;
        String java = javaExecutable.isBlank() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : javaExecutable;
        String classPath = System.getProperty("java.class.path");
        // no hsperfdata file in /tmp: a confined worker could not write it, and nobody reads it
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap.toMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + workRoot.temp(), "-Dpdfbox.fontcache=" + workRoot.temp(),
                "-D" + WorkerSandbox.ROOT + "=" + workRoot.root(), "-D" + WorkerSandbox.CONFINE + "=" + confine));
        if (!libvips) {
            cmd.add("-Datelier.media.disable-libvips=true");
        }
        if (isBootJar(classPath)) {
            cmd.addAll(List.of("-cp", classPath, "-Dloader.main=" + MediaWorkerMain.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            cmd.addAll(List.of("-cp", classPath, MediaWorkerMain.class.getName()));
        }
        this.command = List.copyOf(cmd);
    }

    List<String> command() {
        return command;
    }

    WorkRoot workRoot() {
        return workRoot;
    }

    /** @param niced at {@code nice 10}: for the enrichment workers, which take the CPU the rendition workers leave */
    Process start(boolean niced) throws IOException {
        var builder = new ProcessBuilder(niced ? BoundedProcess.niced(command) : command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // libvips, ffmpeg and the C library put their temporary files here too
        builder.environment().put("TMPDIR", workRoot.temp().toString());
        if (!builder.environment().containsKey("MALLOC_MMAP_THRESHOLD_") && !builder.environment().containsKey("MALLOC_TRIM_THRESHOLD_")) {
            builder.environment().merge("GLIBC_TUNABLES", MALLOC_TUNABLES, (theirs, ours) -> ours + ":" + theirs);
        }
        return builder.start();
    }

    /**
     * glibc keeps up to 32 MiB of freed memory per arena (and serves blocks up to 32 MiB from the
     * arenas) instead of handing it back to the kernel after each job. A job's big buffers (a
     * 2048 px preview kept in memory to make the thumbnail from is 9 MiB, libjpeg's and libvips'
     * strips a few more) were otherwise mapped afresh for every job: ~3,800 page faults per 12 MP
     * photo instead of ~1,000, 10 % of a rendition worker's CPU on this project's VMs, where a first
     * touch of memory is expensive. At most four arenas (a worker renders one job at a time, libvips
     * with one thread), so what stays resident between jobs is bounded whatever the core count, well
     * under the worker's memory limit. Malloc settings the server was started with win: tunables of
     * its own come after ours, and the older {@code MALLOC_*_} variables make us leave them alone.
     */
    static final String MALLOC_TUNABLES = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=33554432"
            + ":glibc.malloc.arena_max=4";

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
