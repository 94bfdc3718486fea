package dev.atelier.media.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;

/**
 * The C library calls {@link Landlock} and {@link WorkerSandbox} need, bound with Java's FFM API:
 * {@code syscall}, {@code prctl(PR_SET_NO_NEW_PRIVS)}, {@code open(O_PATH)}, {@code close} and
 * {@code execve}, each with its errno. Linux only; {@link #bound()} is false elsewhere.
 */
final class Libc {

    /** A call's return value, and its errno when that is negative. */
    record Result(long value, int errno) {
    }

    private static final int PR_SET_NO_NEW_PRIVS = 38;
    private static final int O_PATH = 0x200000;
    private static final int O_CLOEXEC = 0x80000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final long ERRNO_OFFSET = Linker.Option.captureStateLayout().byteOffset(PathElement.groupElement("errno"));
    // every variadic argument goes as a long: syscall(2) reads each one as a long
    private static final MethodHandle SYSCALL = find("syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
            JAVA_LONG, JAVA_LONG), ERRNO, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle PRCTL = find("prctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG,
            JAVA_LONG), ERRNO, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle OPEN = find("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle CLOSE = find("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EXECVE = find("execve", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), ERRNO);

    private Libc() {
    }

    static boolean bound() {
        return SYSCALL != null && PRCTL != null && OPEN != null && CLOSE != null && EXECVE != null;
    }

    /** {@code syscall(number, a, b, c, d)}; pointers go as their address. */
    static Result syscall(long number, long a, long b, long c, long d) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            long value = (long) SYSCALL.invokeExact(state, number, a, b, c, d);
            return new Result(value, value < 0 ? state.get(JAVA_INT, ERRNO_OFFSET) : 0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Neither this thread nor anything it executes can gain privileges again (setuid bits, file capabilities). */
    static Result noNewPrivileges() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int value = (int) PRCTL.invokeExact(state, PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L);
            return new Result(value, value < 0 ? state.get(JAVA_INT, ERRNO_OFFSET) : 0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A descriptor that only names {@code path} (no read or write); negative when it cannot be opened. */
    static int openPath(Path path) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) OPEN.invokeExact(arena.allocateFrom(path.toString()), O_PATH | O_CLOEXEC);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces this process with {@code executable} run with {@code arguments} (argument 0
     * included) and the same environment. Returns only when that failed: the errno.
     */
    static int execve(Path executable, List<String> arguments) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv = arena.allocate(ADDRESS, arguments.size() + 1L);
            for (int i = 0; i < arguments.size(); i++) {
                argv.setAtIndex(ADDRESS, i, arena.allocateFrom(arguments.get(i)));
            }
            argv.setAtIndex(ADDRESS, arguments.size(), MemorySegment.NULL);
            MemorySegment environ = LINKER.defaultLookup().find("environ").orElseThrow()
                    .reinterpret(ADDRESS.byteSize()).get(ADDRESS, 0);
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int failed = (int) EXECVE.invokeExact(state, arena.allocateFrom(executable.toString()), argv, environ);
            return failed == 0 ? 0 : state.get(JAVA_INT, ERRNO_OFFSET);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A C library function (with {@link #ERRNO}, the capture segment comes first); null where there is none. */
    private static MethodHandle find(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.defaultLookup().find(name).map(symbol -> LINKER.downcallHandle(symbol, descriptor, options)).orElse(null);
    }
}
