package dev.atelier.ingest.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.ingest.ContentDigests;
import dev.atelier.ingest.IngestManagement;
import dev.atelier.ingest.ReceivedUpload;
import dev.atelier.ingest.UploadReceipt;
import dev.atelier.ingest.internal.MultipartUploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads. The API paths take HTTP Basic or Bearer auth; the {@code /library} and {@code /assets}
 * paths serve the web UI's upload script under its session and CSRF token.
 */
@RestController
@Tag(name = "Uploads")
class UploadController {

    private final IngestManagement ingest;
    private final MultipartUploads multipart;

    UploadController(IngestManagement ingest, MultipartUploads multipart) {
        this.ingest = ingest;
        this.multipart = multipart;
    }

    @Operation(summary = "Upload a file as a new asset (v1)",
            description = "Streams to storage. Send Repr-Digest: sha-256=:<base64>: (or form field sha256 in hex) to have "
                    + "the content verified; a mismatch is a 400 /problems/digest-mismatch and nothing is kept.",
            requestBody = @RequestBody(content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = UploadForm.class), encoding = @Encoding(name = "file"))))
    @PostMapping(path = {"/api/v1/assets", "/library/upload"}, consumes = "multipart/form-data")
    ResponseEntity<UploadReceipt> create(Actor actor, HttpServletRequest request,
            @Parameter(description = "RFC 9530 digest of the file") @RequestHeader(name = "Repr-Digest", required = false) String reprDigest)
            throws IOException {
        ingest.requireMayUpload(actor);
        var claimed = ContentDigests.fromReprDigest(reprDigest);
        try (ReceivedUpload upload = multipart.read(request)) {
            UploadReceipt receipt = ingest.createAsset(actor, upload, claimed);
            return ResponseEntity.created(URI.create("/api/v1/assets/" + receipt.id())).body(receipt);
        }
    }

    @Operation(summary = "Upload a new version of an asset",
            requestBody = @RequestBody(content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = UploadForm.class))))
    @PostMapping(path = {"/api/v1/assets/{id}/versions", "/assets/{id}/versions"}, consumes = "multipart/form-data")
    ResponseEntity<UploadReceipt> addVersion(Actor actor, @PathVariable String id, HttpServletRequest request,
            @RequestHeader(name = "Repr-Digest", required = false) String reprDigest) throws IOException {
        ingest.requireMayAddVersion(actor, AssetId.parse(id));
        var claimed = ContentDigests.fromReprDigest(reprDigest);
        try (ReceivedUpload upload = multipart.read(request)) {
            UploadReceipt receipt = ingest.addVersion(actor, AssetId.parse(id), upload, claimed);
            return ResponseEntity.created(URI.create("/api/v1/assets/" + receipt.id() + "/versions/" + receipt.version()))
                    .body(receipt);
        }
    }

    /** Only documents the multipart form for OpenAPI; the body is read as a stream. */
    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(description = "defaults to the file name") String title,
            @Schema(description = "hex SHA-256 of the file, verified") String sha256) {
    }
}
