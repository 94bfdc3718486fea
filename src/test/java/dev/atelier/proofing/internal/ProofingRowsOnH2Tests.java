package dev.atelier.proofing.internal;

class ProofingRowsOnH2Tests extends ProofingRowsTests {
}
