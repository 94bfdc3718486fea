package dev.atelier.ingest;

/** What an upload created: the asset, the version number and the verified content facts. */
public record UploadReceipt(String id, int version, String sha256, long size, String mediaType, String filename, String title) {
}
