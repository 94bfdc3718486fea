package dev.atelier.media.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.atelier.media.internal.Libc.Result;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Landlock (Linux 5.13+), the kernel's unprivileged sandbox: {@code landlock_create_ruleset},
 * {@code landlock_add_rule} and {@code landlock_restrict_self} through {@link Libc#syscall}.
 * Landlock denies by default the rights a ruleset handles; a ruleset here handles every right the
 * running kernel's ABI knows, so nothing is left open by omission, and asks for none it does not.
 *
 * <p>Only ever used inside a media worker process (see {@link WorkerSandbox}).
 */
final class Landlock {

    static final long EXECUTE = 1L;
    static final long WRITE_FILE = 1L << 1;
    static final long READ_FILE = 1L << 2;
    static final long READ_DIR = 1L << 3;
    static final long REMOVE_DIR = 1L << 4;
    static final long REMOVE_FILE = 1L << 5;
    static final long MAKE_DIR = 1L << 7;
    static final long MAKE_REG = 1L << 8;
    /** ABI 3: truncating a file (also {@code O_TRUNC}). */
    static final long TRUNCATE = 1L << 14;
    /** ABI 2: linking or renaming into another directory. */
    private static final long REFER = 1L << 13;
    /** ABI 5: ioctl on a device. */
    private static final long IOCTL_DEV = 1L << 15;
    /** The rights that apply to a file itself; the others only to what lies beneath a directory. */
    private static final long FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV;

    private static final long CREATE_RULESET = 444;
    private static final long ADD_RULE = 445;
    private static final long RESTRICT_SELF = 446;
    private static final int ABI_VERSION_FLAG = 1;
    private static final int RULE_PATH_BENEATH = 1;
    private static final int ENOSYS = 38;
    private static final int EOPNOTSUPP = 95;

    private Landlock() {
    }

    /** Whether this kernel enforces Landlock: its ABI version, or why not. */
    sealed interface Support {
    }

    record Available(int abi) implements Support {

        /** Every filesystem right this ABI knows: 1 has 13, 2 adds reparenting, 3 truncation, 5 device ioctls. */
        long filesystemRights() {
            long rights = REFER - 1;
            if (abi >= 2) {
                rights |= REFER;
            }
            if (abi >= 3) {
                rights |= TRUNCATE;
            }
            if (abi >= 5) {
                rights |= IOCTL_DEV;
            }
            return rights;
        }

        /** ABI 4 handles TCP bind and connect. */
        long networkRights() {
            return abi >= 4 ? 0b11 : 0;
        }

        /** ABI 6 scopes abstract UNIX sockets and signals to the domain. */
        long scopes() {
            return abi >= 6 ? 0b11 : 0;
        }
    }

    record Unavailable(String reason) implements Support {
    }

    static Support support() {
        if (!System.getProperty("os.name", "").equals("Linux")) {
            return new Unavailable("Landlock needs Linux (this is " + System.getProperty("os.name") + ")");
        }
        if (!Libc.bound()) {
            return new Unavailable("the C library could not be bound");
        }
        Result version = Libc.syscall(CREATE_RULESET, 0, 0, ABI_VERSION_FLAG, 0);
        if (version.value() >= 1) {
            return new Available((int) version.value());
        }
        return new Unavailable(switch (version.errno()) {
            case ENOSYS -> "this kernel has no Landlock (ENOSYS)";
            case EOPNOTSUPP -> "Landlock is built into this kernel but not enabled at boot (EOPNOTSUPP)";
            default -> "the kernel refused the Landlock version query (errno " + version.errno() + ")";
        });
    }

    /**
     * A ruleset handling every right of {@code abi}: what no rule allows is denied once
     * {@link #restrictSelf()} enforces it. TCP bind and connect (ABI 4) get no rule at all.
     */
    static final class Ruleset implements AutoCloseable {

        private final long handled;
        private final int fd;

        Ruleset(Available abi) throws LandlockException {
            this.handled = abi.filesystemRights();
            try (Arena arena = Arena.ofConfined()) {
                // struct landlock_ruleset_attr: an older kernel takes the longer struct while the fields it lacks are zero
                MemorySegment attr = arena.allocate(24);
                attr.set(JAVA_LONG, 0, handled);
                attr.set(JAVA_LONG, 8, abi.networkRights());
                attr.set(JAVA_LONG, 16, abi.scopes());
                Result created = Libc.syscall(CREATE_RULESET, attr.address(), attr.byteSize(), 0, 0);
                if (created.value() < 0) {
                    throw new LandlockException("landlock_create_ruleset", created.errno());
                }
                this.fd = (int) created.value();
            }
        }

        /**
         * Allows {@code access} beneath {@code path} (a directory) or on it (a file, which keeps only
         * the rights a file can have). A path that does not exist is skipped.
         *
         * @return whether a rule was added
         */
        boolean allow(Path path, long access) throws LandlockException {
            long allowed = access & handled & (Files.isDirectory(path) ? -1L : FILE_RIGHTS);
            int target = Files.exists(path) && allowed != 0 ? Libc.openPath(path) : -1;
            if (target < 0) {
                return false;
            }
            try (Arena arena = Arena.ofConfined()) {
                // struct landlock_path_beneath_attr is packed: a u64 and an s32 in 12 bytes
                MemorySegment beneath = arena.allocate(12);
                beneath.set(JAVA_LONG_UNALIGNED, 0, allowed);
                beneath.set(JAVA_INT_UNALIGNED, 8, target);
                Result added = Libc.syscall(ADD_RULE, fd, RULE_PATH_BENEATH, beneath.address(), 0);
                if (added.value() < 0) {
                    throw new LandlockException("landlock_add_rule(" + path + ")", added.errno());
                }
                return true;
            } finally {
                Libc.close(target);
            }
        }

        /** Enforces the ruleset on the calling thread and what it executes from now on; there is no way back. */
        void restrictSelf() throws LandlockException {
            Result noNewPrivileges = Libc.noNewPrivileges();
            if (noNewPrivileges.value() != 0) {
                throw new LandlockException("prctl(PR_SET_NO_NEW_PRIVS)", noNewPrivileges.errno());
            }
            Result restricted = Libc.syscall(RESTRICT_SELF, fd, 0, 0, 0);
            if (restricted.value() != 0) {
                throw new LandlockException("landlock_restrict_self", restricted.errno());
            }
        }

        @Override
        public void close() {
            Libc.close(fd);
        }
    }

    /** A Landlock call the kernel refused. */
    static final class LandlockException extends Exception {

        LandlockException(String call, int errno) {
            super(call + " failed (errno " + errno + ")");
        }
    }
}
