package dev.atelier.asset.internal;

class AssetsOnH2Tests extends AssetsTests {
}
