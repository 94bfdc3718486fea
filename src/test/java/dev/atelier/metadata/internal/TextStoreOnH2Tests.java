package dev.atelier.metadata.internal;

class TextStoreOnH2Tests extends TextStoreTests {
}
