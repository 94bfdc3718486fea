package dev.atelier.media.internal;

import dev.atelier.media.internal.Landlock.Available;
import dev.atelier.media.internal.Landlock.LandlockException;
import dev.atelier.media.internal.Landlock.Unavailable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The confinement a media worker enters before its first job, with {@link Landlock}: it may read
 * and run the JDK, its class path and the system's programs and libraries, read job inputs in the
 * work root's {@code in/}, write only in {@code out/} and {@code tmp/}, and open no TCP connection.
 * The blob store, the database and the rest of {@code atelier.home} are out of its reach.
 *
 * <p>Landlock confines the calling thread and what it starts later, but a JVM runs a dozen threads
 * before {@code main}: so the main thread confines itself and then executes the same command
 * again. The new JVM — every thread of it, and every ffmpeg it starts — lives in the domain.
 *
 * <p>Where Landlock is missing (another OS, an old or unconfigured kernel) the worker runs
 * unconfined and says so; it never refuses to start.
 */
final class WorkerSandbox {

    /** The work root, passed by {@link WorkerLauncher}. */
    static final String ROOT = "atelier.media.worker.root";
    /** Whether to confine (the server's {@code atelier.media.confine}). */
    static final String CONFINE = "atelier.media.worker.confine";
    /** Set on the command executed from inside the domain: how that worker is confined. */
    static final String STATE = "atelier.media.worker.sandbox";

    static final String NONE = "none: ";

    private static final long READ = Landlock.READ_FILE | Landlock.READ_DIR;
    private static final long RUN = READ | Landlock.EXECUTE;
    private static final long WRITE = READ | Landlock.WRITE_FILE | Landlock.TRUNCATE | Landlock.MAKE_REG | Landlock.MAKE_DIR
            | Landlock.REMOVE_FILE | Landlock.REMOVE_DIR;

    /**
     * System files a worker reads: the loader's cache, fonts, locales, time zones, user names, and
     * what the JVM learns of its memory and container. Not the rest of {@code /etc}, nor other
     * processes in {@code /proc}: their command lines can hold secrets.
     */
    private static final List<String> SYSTEM_FILES = List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/fonts",
            "/etc/locale.alias", "/etc/localtime", "/etc/timezone", "/etc/passwd", "/etc/group", "/etc/nsswitch.conf",
            "/etc/mime.types", "/proc/self", "/proc/meminfo", "/proc/cpuinfo", "/proc/stat", "/proc/filesystems", "/proc/cgroups",
            "/proc/sys/vm", "/sys/fs/cgroup", "/sys/devices/system/cpu", "/sys/devices/system/node", "/sys/kernel/mm",
            "/dev/urandom", "/dev/random", "/dev/zero");
    private static final List<String> SYSTEM_PROGRAMS = List.of("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32");

    private WorkerSandbox() {
    }

    /**
     * Confines this worker as its launcher asked. Does not return when it re-executes the worker
     * inside the domain; otherwise returns how this worker runs: {@code landlock ABI n: …} or
     * {@code none: <why>}.
     */
    static String enter() {
        String state = System.getProperty(STATE);
        if (state != null) {
            return state;
        }
        if (!Boolean.getBoolean(CONFINE)) {
            return NONE + "switched off (atelier.media.confine=false)";
        }
        String root = System.getProperty(ROOT);
        if (root == null) {
            return NONE + "no work root was given";
        }
        return switch (Landlock.support()) {
            case Unavailable(String reason) -> NONE + reason;
            case Available abi -> confine(abi, new WorkRoot(Path.of(root)));
        };
    }

    private static String confine(Available abi, WorkRoot root) {
        String description = describe(abi);
        List<String> command;
        Path executable;
        try {
            command = ownCommand();
            executable = Path.of("/proc/self/exe").toRealPath();
        } catch (IOException e) {
            return NONE + "the worker's own command line cannot be read (" + e.getMessage() + ")";
        }
        try (var ruleset = new Landlock.Ruleset(abi)) {
            allow(ruleset, root, executable);
            ruleset.restrictSelf();
        } catch (LandlockException e) {
            return NONE + e.getMessage();
        }
        List<String> again = new ArrayList<>(command);
        again.add(1, "-D" + STATE + "=" + description);
        String failure;
        try {
            failure = "errno " + Libc.execve(executable, again);
        } catch (RuntimeException e) {
            failure = e.toString();
        }
        return "landlock ABI " + abi.abi() + " on the main thread only: re-executing the worker failed (" + failure + ")";
    }

    static String describe(Available abi) {
        String what = abi.scopes() != 0 ? "filesystem + network (TCP) + IPC scopes"
                : abi.networkRights() != 0 ? "filesystem + network (TCP)" : "filesystem (this kernel cannot restrict TCP)";
        return "landlock ABI " + abi.abi() + ": " + what;
    }

    private static void allow(Landlock.Ruleset ruleset, WorkRoot root, Path executable) throws LandlockException {
        ruleset.allow(root.inputs(), READ);
        ruleset.allow(root.outputs(), WRITE);
        ruleset.allow(root.temp(), WRITE);
        for (Path program : programs(executable)) {
            ruleset.allow(program, RUN);
        }
        for (Path entry : classPath()) {
            ruleset.allow(entry, READ);
        }
        for (String file : SYSTEM_FILES) {
            ruleset.allow(Path.of(file), READ);
        }
        ruleset.allow(Path.of("/dev/null"), Landlock.READ_FILE | Landlock.WRITE_FILE);
    }

    /** The JDK (also where its symbolic links lead, as Debian's {@code conf} into {@code /etc}), system programs, PATH and LD_LIBRARY_PATH. */
    private static List<Path> programs(Path executable) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Path> programs = new ArrayList<>(List.of(javaHome, executable.getParent().getParent()));
        for (String link : List.of("", "conf", "lib/security")) {
            try {
                programs.add(javaHome.resolve(link).toRealPath());
            } catch (IOException e) {
                // not there in this JDK
            }
        }
        SYSTEM_PROGRAMS.forEach(p -> programs.add(Path.of(p)));
        // relative entries would name whatever the working directory holds
        Stream.of(System.getenv("PATH"), System.getenv("LD_LIBRARY_PATH")).flatMap(WorkerSandbox::paths)
                .filter(Path::isAbsolute).forEach(programs::add);
        return programs;
    }

    private static List<Path> classPath() {
        return paths(System.getProperty("java.class.path")).map(Path::toAbsolutePath).toList();
    }

    private static Stream<Path> paths(String list) {
        return list == null ? Stream.empty() : Stream.of(list.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(Path::of);
    }

    /** This process's command line, argument 0 included, exactly as it was started. */
    private static List<String> ownCommand() throws IOException {
        String cmdline = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
        return Arrays.asList(cmdline.substring(0, cmdline.length() - 1).split("\0", -1));
    }
}
