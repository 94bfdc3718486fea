package dev.atelier.metadata.internal;

class ImageAnalysesOnH2Tests extends ImageAnalysesTests {
}
