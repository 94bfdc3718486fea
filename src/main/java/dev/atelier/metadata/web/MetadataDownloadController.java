package dev.atelier.metadata.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.MetadataDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads with Atelier's metadata written in; the temporary files go when the response is sent. */
@RestController
@Tag(name = "Metadata")
class MetadataDownloadController {

    private final MetadataDownloads downloads;

    MetadataDownloadController(MetadataDownloads downloads) {
        this.downloads = downloads;
    }

    @Operation(summary = "The original with current metadata as XMP",
            description = "JPEG, PNG, TIFF and PDF get the XMP (title, description, keywords, creator, rights, Atelier's document id and "
                    + "version) written into a copy; other formats come as a ZIP of the untouched original and an .xmp sidecar.")
    @GetMapping({"/api/v1/assets/{id}/download", "/assets/{id}/download"})
    ResponseEntity<Resource> download(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version) throws IOException {
        return send(downloads.withMetadata(actor, AssetId.parse(id), version));
    }

    @Operation(summary = "The XMP sidecar of a version")
    @GetMapping("/api/v1/assets/{id}/xmp")
    ResponseEntity<Resource> sidecar(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version) throws IOException {
        return send(downloads.sidecar(actor, AssetId.parse(id), version));
    }

    private static ResponseEntity<Resource> send(MetadataDownloads.Download download) throws IOException {
        long size = Files.size(download.file());
        InputStream in = new FilterInputStream(Files.newInputStream(download.file())) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    download.close();
                }
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(in));
    }
}
