# Counts frontal faces with an OpenCV Haar cascade in JPEGs a media worker wrote itself (never in
# an upload), under a memory limit, each image within a time limit.
# `python3 -I -c <this> --serve CASCADE` stays running: it reads one image path per line and
# answers "faces <n>", "unavailable <code>" or "failed <code>" (the reason on stderr), then
# the line MARKER on stdout and on stderr. It ends at the end of its input. Importing OpenCV
# costs ~0.45 CPU-s, counting in a 1280 px copy ~0.4 s: so it is imported once per worker.
# `python3 -I -c <this> CASCADE IMAGE` counts in one image and prints "faces <n>".
# `python3 -I -c <this> --check CASCADE` prints "opencv <version>" when detecting would work.
# Codes (exit codes in the one-off modes): 3: OpenCV for Python is missing; 4: the cascade cannot
# be loaded; 5: the image cannot be read.
import sys

MARKER = "{faces-done}"


def load(cascade_path):
    """(cv2, cascade) or (code, reason)."""
    try:
        import cv2
    except ModuleNotFoundError as e:
        return 3, "cannot import cv2: %s" % e
    # any other ImportError (a library that cannot be mapped under the memory limit) is a failure
    # one thread, no OpenCL: stay inside the worker's share of the machine
    cv2.setNumThreads(1)
    cv2.ocl.setUseOpenCL(False)
    cascade = cv2.CascadeClassifier(cascade_path)
    if cascade.empty():
        return 4, "cannot load the cascade %s" % cascade_path
    return cv2, cascade


def count(cv2, cascade, path):
    gray = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if gray is None:
        return None
    gray = cv2.equalizeHist(gray)
    # faces smaller than a fiftieth of the short edge are mostly false positives in textures
    side = max(24, min(gray.shape[:2]) // 50)
    return len(cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(side, side)))


def serve(cascade_path):
    loaded = load(cascade_path)
    for line in sys.stdin:
        path = line.rstrip("\n")
        if isinstance(loaded[0], int):
            print("unavailable %d" % loaded[0])
            print(loaded[1], file=sys.stderr)
        else:
            try:
                n = count(loaded[0], loaded[1], path)
            except Exception as e:  # one image's failure is not the process's end
                n = e
            if isinstance(n, Exception):
                print("failed 1")
                print("%s: %s" % (type(n).__name__, n), file=sys.stderr)
            elif n is None:
                print("failed 5")
                print("cannot read the image %s" % path, file=sys.stderr)
            else:
                print("faces %d" % n)
        print(MARKER)
        print(MARKER, file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
    return 0


def main(args):
    if args[:1] == ["--serve"] and len(args) == 2:
        return serve(args[1])
    check = args[:1] == ["--check"]
    if check:
        args = args[1:]
    if len(args) != (1 if check else 2):
        print("usage: --serve CASCADE | --check CASCADE | CASCADE IMAGE", file=sys.stderr)
        return 2
    loaded = load(args[0])
    if isinstance(loaded[0], int):
        print(loaded[1], file=sys.stderr)
        return loaded[0]
    cv2, cascade = loaded
    if check:
        print("opencv %s" % cv2.__version__)
        return 0
    n = count(cv2, cascade, args[1])
    if n is None:
        print("cannot read the image %s" % args[1], file=sys.stderr)
        return 5
    print("faces %d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
