# Counts frontal faces in one image with an OpenCV Haar cascade. A media worker runs this as
# `python3 -I -c <this> CASCADE IMAGE` on a preview-sized JPEG it wrote itself (never on an
# upload), under a time and memory limit, and reads one line: "faces <n>".
# `python3 -I -c <this> --check CASCADE` prints "opencv <version>" when detecting would work.
# Exit 3: OpenCV for Python is missing; 4: the cascade cannot be loaded; 5: the image cannot be read.
import sys


def main(args):
    check = args[:1] == ["--check"]
    if check:
        args = args[1:]
    if len(args) != (1 if check else 2):
        print("usage: [--check] CASCADE [IMAGE]", file=sys.stderr)
        return 2
    try:
        import cv2
    except ModuleNotFoundError as e:
        print("cannot import cv2: %s" % e, file=sys.stderr)
        return 3
    # any other ImportError (a library that cannot be mapped under the memory limit) is a failure, exit 1
    # one thread, no OpenCL: stay inside the worker's share of the machine
    cv2.setNumThreads(1)
    cv2.ocl.setUseOpenCL(False)
    cascade = cv2.CascadeClassifier(args[0])
    if cascade.empty():
        print("cannot load the cascade %s" % args[0], file=sys.stderr)
        return 4
    if check:
        print("opencv %s" % cv2.__version__)
        return 0
    gray = cv2.imread(args[1], cv2.IMREAD_GRAYSCALE)
    if gray is None:
        print("cannot read the image %s" % args[1], file=sys.stderr)
        return 5
    gray = cv2.equalizeHist(gray)
    # faces smaller than a fiftieth of the short edge are mostly false positives in textures
    side = max(24, min(gray.shape[:2]) // 50)
    faces = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(side, side))
    print("faces %d" % len(faces))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
