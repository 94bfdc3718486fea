package dev.atelier.brief.internal;

class BoardRowsOnH2Tests extends BoardRowsTests {
}
