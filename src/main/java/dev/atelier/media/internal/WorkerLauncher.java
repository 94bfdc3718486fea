package dev.atelier.media.internal;

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

    WorkerLauncher(DataSize heap) {
        this(heap, true, "");
    }

    WorkerLauncher(DataSize heap, boolean libvips) {
        this(heap, libvips, "");
    }

    /**
     * @param libvips false to make workers use the pure-Java engine even where libvips is installed
     * @param javaExecutable the {@code java} to start workers with; empty for the server's own
     */
    WorkerLauncher(DataSize heap, boolean libvips, String javaExecutable) {
        String java = javaExecutable.isBlank() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : javaExecutable;
        String classPath = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap.toMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"));
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

    Process start() throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

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
