package dev.atelier.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about running processes, read from Linux /proc. */
public final class Processes {

    private Processes() {
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
