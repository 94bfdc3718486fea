package dev.atelier.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about running processes, read from Linux /proc. */
public final class Processes {

    private Processes() {
    }

    /**
     * A process's command line as the kernel has it ({@code /proc/PID/cmdline}); empty once it is gone.
     * {@link ProcessHandle.Info#arguments()} is not used: it can come back empty for long command lines.
     */
    public static List<String> arguments(ProcessHandle process) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.ISO_8859_1);
            return line.isEmpty() ? List.of() : List.of(line.split("\u0000"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A process's nice value: /proc/PID/stat field 19, counted after the command in brackets. */
    public static int niceness(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
