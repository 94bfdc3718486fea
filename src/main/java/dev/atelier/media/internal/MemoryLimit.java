package dev.atelier.media.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An address-space limit ({@code RLIMIT_AS}) for a tool subprocess, so a crafted file that makes
 * a decoder ask for gigabytes gets a failed allocation instead of the machine's memory. Applied
 * with util-linux {@code prlimit} where present, else with the shell's {@code ulimit -v}.
 */
final class MemoryLimit {

    private static final boolean PRLIMIT = Files.isExecutable(Path.of("/usr/bin/prlimit"));
    /** What the loader, glibc, libav* and the C++ runtime print when an allocation or mapping is refused. */
    private static final List<String> SYMPTOMS = List.of("cannot allocate memory", "failed to map segment", "out of memory",
            "bad_alloc", "memory exhausted", "malloc of size");

    private MemoryLimit() {
    }

    /** What to put before the command; nothing for {@code Long.MAX_VALUE} (no limit). */
    static List<String> prefix(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return List.of();
        }
        if (PRLIMIT) {
            return List.of("prlimit", "--as=" + bytes, "--");
        }
        return List.of("/bin/sh", "-c", "ulimit -v " + Math.max(1, bytes / 1024) + " && exec \"$@\"", "sh");
    }

    /**
     * Under a limit glibc's per-thread malloc arenas (64 MiB of address space each, up to eight per
     * core) would use up the limit on a many-core machine without any real memory behind them.
     */
    static void prepare(ProcessBuilder builder, long bytes) {
        if (bytes != Long.MAX_VALUE) {
            builder.environment().put("MALLOC_ARENA_MAX", "2");
        }
    }

    /** Whether a failed command's output says it was refused memory. */
    static boolean ranOut(String output) {
        String text = output.toLowerCase(Locale.ROOT);
        return SYMPTOMS.stream().anyMatch(text::contains);
    }
}
