package dev.atelier.media.internal;

class RenditionsOnH2Tests extends RenditionsTests {
}
